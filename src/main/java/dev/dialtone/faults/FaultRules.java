package dev.dialtone.faults;

import java.util.Optional;

/** The fault rule a request meets, if any. */
public interface FaultRules {

    /** No rule at all, for a client made outside the application. */
    FaultRules NONE = (accountSid, direction, method, path) -> Optional.empty();

    Optional<Fault> meet(String accountSid, Fault.Direction direction, String method, String path);
}
