package io.leadline.persistence.user;

import io.leadline.core.user.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AppUsers extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRoleAndEnabledTrue(Role role);

    long countByRoleAndEnabledTrue(Role role);

    List<AppUser> findAllByOrderByUsername();
}
