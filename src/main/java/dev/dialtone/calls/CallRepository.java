package dev.dialtone.calls;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CallRepository extends JpaRepository<Call, String> {
    Optional<Call> findBySidAndAccountSid(String sid, String accountSid);
}
