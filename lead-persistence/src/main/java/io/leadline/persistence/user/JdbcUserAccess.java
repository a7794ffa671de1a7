package io.leadline.persistence.user;

import io.leadline.core.user.Language;
import io.leadline.core.user.Preferences;
import io.leadline.core.user.Role;
import io.leadline.core.user.UserAccess;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link UserAccess} from {@code app_user}: one indexed read by username. */
@Repository
class JdbcUserAccess implements UserAccess {

    private final JdbcClient jdbc;

    JdbcUserAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Access> of(String username) {
        return jdbc.sql("select role, enabled, session_stamp, language, time_zone from app_user where username = ?")
                .param(username)
                .query((rs, n) -> new Access(
                        Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled"),
                        rs.getInt("session_stamp"),
                        Preferences.stored(rs.getString("language"), rs.getString("time_zone"))))
                .optional();
    }

    @Override
    public boolean savePreferences(String username, Preferences preferences) {
        return jdbc.sql("update app_user set language = ?, time_zone = ? where username = ?")
                        .param(preferences.language().map(Language::tag).orElse(null))
                        .param(preferences.timeZone().map(ZoneId::getId).orElse(null))
                        .param(username)
                        .update()
                == 1;
    }

    @Override
    public List<String> activeAdmins() {
        return jdbc.sql("select username from app_user where role = 'ADMIN' and enabled order by username")
                .query(String.class)
                .list();
    }
}
