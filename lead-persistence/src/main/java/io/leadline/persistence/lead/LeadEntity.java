package io.leadline.persistence.lead;

import io.leadline.core.lead.LifecycleStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The row behind a {@link io.leadline.core.lead.Lead}. Mapped to and from the domain by {@link JpaLeads}. */
@Entity
@Table(name = "lead")
class LeadEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lead_seq")
    @SequenceGenerator(name = "lead_seq", sequenceName = "lead_seq", allocationSize = 50)
    Long id;

    @Version
    Long version;

    @Column(name = "full_name")
    String fullName;

    String email;

    String company;

    /** The account of the company, kept by {@link JpaLeads} as the company changes. */
    @Column(name = "account_id")
    Long accountId;

    @Column(name = "job_title")
    String jobTitle;

    @Column(name = "company_size")
    Integer companySize;

    @Column(length = 2)
    String country;

    String source;

    @Column(name = "external_id")
    String externalId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    Map<String, String> attributes = new HashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    LifecycleStage stage;

    String owner;

    @Column(name = "revisit_on")
    LocalDate revisitOn;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
