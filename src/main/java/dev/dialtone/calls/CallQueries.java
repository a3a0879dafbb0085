package dev.dialtone.calls;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The list query: filters, newest first, paged by keyset so each page is one index range scan. */
@Component
class CallQueries {

    private final EntityManager entityManager;

    CallQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A page of calls, newest first, and whether more lie beyond it in the direction read. */
    record Slice(List<Call> calls, boolean more) {}

    Slice page(String accountSid, CallFilter filter, CallPageRequest request) {
        StringBuilder jpql = new StringBuilder("select c from Call c where c.accountSid = :account");
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountSid);
        condition(jpql, params, "c.to = :to", "to", filter.to());
        condition(jpql, params, "c.from = :from", "from", filter.from());
        condition(jpql, params, "c.parentCallSid = :parent", "parent", filter.parentCallSid());
        condition(jpql, params, "c.status = :status", "status", filter.status());
        condition(jpql, params, "c.startTime >= :startFrom", "startFrom", filter.startFrom());
        condition(jpql, params, "c.startTime < :startUntil", "startUntil", filter.startUntil());
        condition(jpql, params, "c.endTime >= :endFrom", "endFrom", filter.endFrom());
        condition(jpql, params, "c.endTime < :endUntil", "endUntil", filter.endUntil());
        PageToken token = request.token();
        boolean backwards = token != null && !token.after();
        if (token != null) {
            jpql.append(backwards
                    ? " and (c.dateCreated > :cursorTime or (c.dateCreated = :cursorTime and c.sid > :cursorSid))"
                    : " and (c.dateCreated < :cursorTime or (c.dateCreated = :cursorTime and c.sid < :cursorSid))");
            params.put("cursorTime", token.dateCreated());
            params.put("cursorSid", token.sid());
        }
        jpql.append(backwards ? " order by c.dateCreated asc, c.sid asc" : " order by c.dateCreated desc, c.sid desc");
        TypedQuery<Call> query = entityManager.createQuery(jpql.toString(), Call.class);
        params.forEach(query::setParameter);
        if (token == null) {
            // Without a token, Page is the only position there is: fall back to an offset.
            query.setFirstResult(request.page() * request.pageSize());
        }
        // One row more than the page tells whether another page follows.
        query.setMaxResults(request.pageSize() + 1);
        List<Call> calls = new ArrayList<>(query.getResultList());
        boolean more = calls.size() > request.pageSize();
        if (more) {
            calls.remove(calls.size() - 1);
        }
        if (backwards) {
            Collections.reverse(calls);
        }
        return new Slice(calls, more);
    }

    private static void condition(StringBuilder jpql, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            jpql.append(" and ").append(clause);
            params.put(name, value);
        }
    }
}
