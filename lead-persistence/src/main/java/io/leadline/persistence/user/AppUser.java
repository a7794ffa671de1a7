package io.leadline.persistence.user;

import io.leadline.core.user.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone who signs in to Leadline. The password is stored only as an adaptive hash. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** How many open leads round-robin may give this rep. */
    @Column(nullable = false)
    private int capacity = 25;

    @Column(name = "last_assigned_at")
    private Instant lastAssignedAt;

    /** Bumped whenever the user's sessions must end; see {@code UserAccess.Access#sessionStamp}. */
    @Column(name = "session_stamp", nullable = false)
    private int sessionStamp;

    protected AppUser() {}

    public AppUser(String username, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Replaces the stored hash; the caller has checked the old password and the policy. */
    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        endSessions();
    }

    public void setRole(Role role) {
        if (this.role != role) {
            endSessions();
        }
        this.role = role;
    }

    public void setEnabled(boolean enabled) {
        if (this.enabled != enabled) {
            endSessions();
        }
        this.enabled = enabled;
    }

    /** Every session signed in before this ends at its next request, on every instance. */
    public void endSessions() {
        sessionStamp++;
    }

    public int getSessionStamp() {
        return sessionStamp;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public int getCapacity() {
        return capacity;
    }
}
