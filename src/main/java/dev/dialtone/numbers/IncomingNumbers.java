package dev.dialtone.numbers;

import dev.dialtone.calls.CallerIds;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.WebhookMethod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The incoming_numbers table. */
@Component
public class IncomingNumbers implements CallerIds {

    private static final String SELECT =
            "SELECT sid, account_sid, phone_number, friendly_name, voice_url, voice_method,"
                    + " voice_fallback_url, voice_fallback_method, status_callback,"
                    + " status_callback_method, date_created, date_updated FROM incoming_numbers";

    private final JdbcTemplate jdbc;

    IncomingNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(IncomingNumber n) {
        jdbc.update(
                "INSERT INTO incoming_numbers (sid, account_sid, phone_number, friendly_name,"
                        + " voice_url, voice_method, voice_fallback_url, voice_fallback_method,"
                        + " status_callback, status_callback_method, date_created, date_updated)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                n.sid(),
                n.accountSid(),
                n.phoneNumber(),
                n.friendlyName(),
                n.voiceUrl(),
                n.voiceMethod().name(),
                n.voiceFallbackUrl(),
                n.voiceFallbackMethod().name(),
                n.statusCallback(),
                n.statusCallbackMethod().name(),
                DatabaseTime.utc(n.dateCreated()),
                DatabaseTime.utc(n.dateUpdated()));
    }

    void update(IncomingNumber n) {
        jdbc.update(
                "UPDATE incoming_numbers SET friendly_name = ?, voice_url = ?, voice_method = ?,"
                        + " voice_fallback_url = ?, voice_fallback_method = ?, status_callback = ?,"
                        + " status_callback_method = ?, date_updated = ? WHERE sid = ?",
                n.friendlyName(),
                n.voiceUrl(),
                n.voiceMethod().name(),
                n.voiceFallbackUrl(),
                n.voiceFallbackMethod().name(),
                n.statusCallback(),
                n.statusCallbackMethod().name(),
                DatabaseTime.utc(n.dateUpdated()),
                n.sid());
    }

    Optional<IncomingNumber> find(String accountSid, String sid) {
        return jdbc
                .query(SELECT + " WHERE account_sid = ? AND sid = ?", this::read, accountSid, sid)
                .stream()
                .findFirst();
    }

    @Override
    public boolean owns(String accountSid, String phoneNumber) {
        return byNumber(accountSid, phoneNumber).isPresent();
    }

    /** The account's number, as E.164: where a call to it goes. */
    public Optional<IncomingNumber> byNumber(String accountSid, String phoneNumber) {
        return jdbc
                .query(
                        SELECT + " WHERE account_sid = ? AND phone_number = ?",
                        this::read,
                        accountSid,
                        phoneNumber)
                .stream()
                .findFirst();
    }

    /** A page of the account's numbers, newest first, filtered as the list asks. */
    List<IncomingNumber> page(
            String accountSid, String phoneNumber, String friendlyName, int offset, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE account_sid = ?");
        List<Object> args = new ArrayList<>(List.of(accountSid));
        if (phoneNumber != null) {
            // Twilio matches any part of the number.
            sql.append(" AND phone_number LIKE ?");
            args.add("%" + phoneNumber.replace("%", "").replace("_", "") + "%");
        }
        if (friendlyName != null) {
            sql.append(" AND friendly_name = ?");
            args.add(friendlyName);
        }
        sql.append(" ORDER BY date_created DESC, sid DESC LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), this::read, args.toArray());
    }

    /** Every number of the account, for a reset; how many there were. */
    public int deleteAll(String accountSid) {
        return jdbc.update("DELETE FROM incoming_numbers WHERE account_sid = ?", accountSid);
    }

    boolean delete(String accountSid, String sid) {
        return jdbc.update(
                        "DELETE FROM incoming_numbers WHERE account_sid = ? AND sid = ?",
                        accountSid,
                        sid)
                > 0;
    }

    private IncomingNumber read(ResultSet rs, int row) throws SQLException {
        return new IncomingNumber(
                rs.getString("sid"),
                rs.getString("account_sid"),
                rs.getString("phone_number"),
                rs.getString("friendly_name"),
                rs.getString("voice_url"),
                WebhookMethod.valueOf(rs.getString("voice_method")),
                rs.getString("voice_fallback_url"),
                WebhookMethod.valueOf(rs.getString("voice_fallback_method")),
                rs.getString("status_callback"),
                WebhookMethod.valueOf(rs.getString("status_callback_method")),
                DatabaseTime.read(rs, "date_created"),
                DatabaseTime.read(rs, "date_updated"));
    }
}
