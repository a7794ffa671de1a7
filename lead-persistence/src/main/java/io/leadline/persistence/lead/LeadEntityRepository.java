package io.leadline.persistence.lead;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LeadEntityRepository extends JpaRepository<LeadEntity, Long> {

    @Query("select l.id from LeadEntity l where l.email = :email")
    Optional<Long> findIdByEmail(String email);
}
