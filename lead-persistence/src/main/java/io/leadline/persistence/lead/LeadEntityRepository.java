package io.leadline.persistence.lead;

import org.springframework.data.jpa.repository.JpaRepository;

interface LeadEntityRepository extends JpaRepository<LeadEntity, Long> {

    boolean existsByEmail(String email);
}
