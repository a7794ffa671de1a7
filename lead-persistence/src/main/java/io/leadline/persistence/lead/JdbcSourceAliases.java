package io.leadline.persistence.lead;

import io.leadline.core.lead.LeadSources;
import io.leadline.core.lead.SourceAliasBook;
import io.leadline.core.lead.SourceAliases;
import io.leadline.persistence.scoring.RescoreJobs;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merged sources in {@code source_alias}. A merge moves the leads in the same transaction and queues a rescoring
 * (rules on the source may now give other points), so scores and reports follow.
 */
@Repository
class JdbcSourceAliases implements SourceAliasBook {

    private final JdbcClient jdbc;
    private final RescoreJobs rescores;

    JdbcSourceAliases(JdbcClient jdbc, RescoreJobs rescores) {
        this.jdbc = jdbc;
        this.rescores = rescores;
    }

    @Override
    public SourceAliases current() {
        Map<String, String> aliases = new HashMap<>();
        jdbc.sql("select alias, source from source_alias").query(rs -> {
            aliases.put(rs.getString(1), rs.getString(2));
        });
        return new SourceAliases(aliases);
    }

    @Override
    public List<SourceUse> inUse() {
        return jdbc.sql("select source, count(*) from lead where source is not null group by 1 order by 2 desc, 1")
                .query((rs, n) -> new SourceUse(rs.getString(1), rs.getLong(2)))
                .list();
    }

    @Override
    @Transactional
    public Merge merge(String alias, String into, String by, Instant at) {
        jdbc.sql("lock table source_alias in exclusive mode").update();
        SourceAliases before = current();
        List<String> problems = before.problemsMerging(alias, into);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        SourceAliases after = before.merging(alias, into);
        String from = LeadSources.key(alias);
        String to = after.resolve(from);
        jdbc.sql("delete from source_alias where not (alias = any(?))")
                .param(after.sourceOf().keySet().toArray(String[]::new))
                .update();
        after.sourceOf()
                .forEach((a, s) ->
                        jdbc.sql("""
                        insert into source_alias (alias, source, merged_by, merged_at) values (?, ?, ?, ?)
                        on conflict (alias) do update set source = excluded.source""").params(a, s, by, Timestamp.from(at)).update());
        int moved = jdbc.sql("update lead set source = ?, version = version + 1, updated_at = ? where source = ?")
                .params(to, Timestamp.from(at), from)
                .update();
        if (moved > 0) {
            rescores.queue(by, "source " + from + " merged into " + to, at);
        }
        return new Merge(from, to, moved);
    }

    @Override
    @Transactional
    public boolean forget(String alias) {
        return jdbc.sql("delete from source_alias where alias = ?")
                        .param(LeadSources.key(alias))
                        .update()
                == 1;
    }

    @Override
    public List<Merged> merged() {
        return jdbc.sql("select alias, source, merged_by, merged_at from source_alias order by source, alias")
                .query((rs, n) -> new Merged(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
