package io.leadline.persistence.tracking;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly partitions of {@code tracking_hit} (months in UTC): this month's and the next are always there, and a
 * month older than the retention is dropped whole — no row-by-row delete, no vacuum debt.
 */
@Repository
class TrackingPartitions {

    private static final long LOCK = 0x7472616b68697473L; // "trakhits"

    private final JdbcClient jdbc;

    TrackingPartitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the partitions of {@code today}'s month and the next if missing. */
    @Transactional
    void prepare(LocalDate today) {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Object.class)
                .single();
        YearMonth month = YearMonth.from(today);
        for (YearMonth m : List.of(month, month.plusMonths(1))) {
            jdbc.sql("create table if not exists " + name(m) + " partition of tracking_hit for values from ('"
                            + m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC) + "') to ('"
                            + m.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC) + "')")
                    .update();
        }
    }

    /** Drops every month that ended more than {@code months} months before {@code today}'s; answers the names dropped. */
    @Transactional
    List<String> dropOlderThan(int months, LocalDate today) {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Object.class)
                .single();
        YearMonth keepFrom = YearMonth.from(today).minusMonths(months);
        List<String> old = existing().stream()
                .filter(name -> month(name).isBefore(keepFrom))
                .toList();
        old.forEach(name -> jdbc.sql("drop table " + name).update());
        return old;
    }

    /** The partitions there are, oldest first. */
    public List<String> existing() {
        return jdbc.sql("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        join pg_class p on p.oid = i.inhparent where p.relname = 'tracking_hit' order by c.relname""").query(String.class).list().stream()
                .filter(n -> n.matches("tracking_hit_y\\d{4}m\\d{2}"))
                .toList();
    }

    static String name(YearMonth m) {
        return "tracking_hit_y%04dm%02d".formatted(m.getYear(), m.getMonthValue());
    }

    static YearMonth month(String name) {
        return YearMonth.of(Integer.parseInt(name.substring(14, 18)), Integer.parseInt(name.substring(19, 21)));
    }
}
