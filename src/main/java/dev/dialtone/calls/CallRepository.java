package dev.dialtone.calls;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CallRepository extends JpaRepository<Call, String> {

    Optional<Call> findBySidAndAccountSid(String sid, String accountSid);

    /** The call, locked until the transaction ends, so an API change and the lifecycle never interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Call c where c.sid = :sid")
    Optional<Call> lock(@Param("sid") String sid);
}
