package dev.dialtone.lifecycle;

import dev.dialtone.support.DatabaseTime;
import dev.dialtone.support.Sids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The callee rules: an account's own, made at run time and kept in the database (every instance on
 * it sees them), tried newest first before the configured ones.
 */
@Component
public class Scenarios {

    /** A rule an account made, with the sid and time it was made. */
    public record Stored(
            String sid,
            String accountSid,
            Instant dateCreated,
            SimulationProperties.Scenario rule) {}

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final SimulationProperties simulation;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Scenarios(JdbcClient jdbc, SimulationProperties simulation, Clock clock) {
        this.jdbc = jdbc;
        this.simulation = simulation;
        this.clock = clock;
    }

    public Stored create(String accountSid, SimulationProperties.Scenario rule) {
        Stored stored =
                new Stored(Sids.next("DS", clock), accountSid, DatabaseTime.now(clock), rule);
        jdbc.sql(
                        """
                        INSERT INTO scenarios (sid, account_sid, date_created, to_number, to_pattern,
                          from_number, from_pattern, outcome, sip_response_code, ring_time_ms,
                          talk_time_ms, answered_by, digits, speech, input_delay_ms, record_time_ms,
                          machine_detection_time_ms)
                        VALUES (:sid, :account, :created, :to, :pattern, :from, :fromPattern,
                          :outcome, :sip, :ring, :talk, :answeredBy, :digits, :speech, :inputDelay,
                          :recordTime, :detectionTime)
                        """)
                .param("sid", stored.sid())
                .param("account", accountSid)
                .param("created", DatabaseTime.utc(stored.dateCreated()))
                .param("to", rule.to())
                .param("pattern", rule.toPattern())
                .param("from", rule.from())
                .param("fromPattern", rule.fromPattern())
                .param("outcome", rule.outcome().name())
                .param("sip", rule.sipResponseCode())
                .param("ring", millis(rule.ringTime()))
                .param("talk", millis(rule.talkTime()))
                .param("answeredBy", rule.answeredBy())
                .param("digits", json.writeValueAsString(rule.digits()))
                .param("speech", json.writeValueAsString(rule.speech()))
                .param("inputDelay", millis(rule.inputDelay()))
                .param("recordTime", millis(rule.recordTime()))
                .param("detectionTime", millis(rule.machineDetectionTime()))
                .update();
        return stored;
    }

    /** The account's rules, newest first: the order they are tried in. */
    public List<Stored> list(String accountSid) {
        return jdbc.sql(
                        "SELECT * FROM scenarios WHERE account_sid = :account"
                                + " ORDER BY date_created DESC, sid DESC")
                .param("account", accountSid)
                .query(this::read)
                .list();
    }

    public boolean delete(String accountSid, String sid) {
        return jdbc.sql("DELETE FROM scenarios WHERE account_sid = :account AND sid = :sid")
                        .param("account", accountSid)
                        .param("sid", sid)
                        .update()
                > 0;
    }

    public int deleteAll(String accountSid) {
        return jdbc.sql("DELETE FROM scenarios WHERE account_sid = :account")
                .param("account", accountSid)
                .update();
    }

    /**
     * How a call from {@code from} to {@code to} goes: the first rule that matches, the account's
     * own first.
     */
    CallScript scriptFor(String accountSid, String to, String from) {
        Optional<SimulationProperties.Scenario> own =
                list(accountSid).stream()
                        .map(Stored::rule)
                        .filter(r -> r.matches(to, from))
                        .findFirst();
        SimulationProperties.Scenario rule =
                own.orElseGet(
                        () ->
                                simulation.scenarios().stream()
                                        .filter(r -> r.matches(to, from))
                                        .findFirst()
                                        .orElse(null));
        return CallScript.of(rule, simulation);
    }

    private Stored read(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getString("sid"),
                rs.getString("account_sid"),
                rs.getObject("date_created", OffsetDateTime.class).toInstant(),
                new SimulationProperties.Scenario(
                        rs.getString("to_number"),
                        rs.getString("to_pattern"),
                        rs.getString("from_number"),
                        rs.getString("from_pattern"),
                        SimulationProperties.Outcome.valueOf(rs.getString("outcome")),
                        rs.getObject("sip_response_code", Integer.class),
                        duration(rs, "ring_time_ms"),
                        duration(rs, "talk_time_ms"),
                        rs.getString("answered_by"),
                        json.readValue(rs.getString("digits"), STRINGS),
                        json.readValue(rs.getString("speech"), STRINGS),
                        duration(rs, "input_delay_ms"),
                        duration(rs, "record_time_ms"),
                        duration(rs, "machine_detection_time_ms")));
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        Long millis = rs.getObject(column, Long.class);
        return millis == null ? null : Duration.ofMillis(millis);
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
