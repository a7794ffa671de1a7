package io.leadline.persistence.account;

import io.leadline.core.account.AccountKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts leads belong to: one row per {@link AccountKey}, created the first time a company name with that key
 * is seen, named as it was first spelled. Concurrent writers meeting the same new company agree on one row (the
 * key is unique; {@code ON CONFLICT DO NOTHING} and read back).
 */
@Repository
public class Accounts {

    /** Leads linked per transaction when leads stored without an account get theirs. */
    static final int LINK_CHUNK = 20_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    Accounts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The account of a company name, created if new; empty when the name makes no account key. */
    @Transactional
    public Optional<Long> idFor(String company) {
        return company == null
                ? Optional.empty()
                : Optional.ofNullable(idsFor(List.of(company)).get(company));
    }

    /**
     * The account of each company name, created where new, by the name as given (each name's key computed once).
     * Names without a key are left out.
     */
    @Transactional
    public Map<String, Long> idsFor(Collection<String> companies) {
        Map<String, AccountKey> keyOf = new HashMap<>();
        Map<AccountKey, String> firstSpelling = new LinkedHashMap<>();
        for (String company : companies) {
            if (company != null && !keyOf.containsKey(company)) {
                AccountKey.of(company).ifPresent(key -> {
                    keyOf.put(company, key);
                    firstSpelling.putIfAbsent(key, company.strip());
                });
            }
        }
        if (firstSpelling.isEmpty()) {
            return Map.of();
        }
        String[] keys = firstSpelling.keySet().stream().map(AccountKey::value).toArray(String[]::new);
        String[] names = firstSpelling.values().stream()
                .map(n -> n.length() > AccountKey.MAX_LENGTH ? n.substring(0, AccountKey.MAX_LENGTH) : n)
                .toArray(String[]::new);
        jdbc.sql(
                        "insert into account (key, name) select * from unnest(?::text[], ?::text[]) order by 1 on conflict (key) do nothing")
                .params(keys, names)
                .update();
        Map<AccountKey, Long> byKey = new HashMap<>();
        jdbc.sql("select key, id from account where key = any(?::text[])")
                .param(keys)
                .query(rs -> {
                    byKey.put(new AccountKey(rs.getString(1)), rs.getLong(2));
                });
        Map<String, Long> ids = new HashMap<>();
        keyOf.forEach((company, key) -> ids.put(company, byKey.get(key)));
        return ids;
    }

    /**
     * Gives leads stored without an account (before accounts existed, or written by SQL elsewhere) theirs, in chunks
     * of {@value #LINK_CHUNK}, one transaction each; answers how many leads were linked.
     */
    public long linkUnlinkedLeads() {
        long linked = 0;
        long after = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            List<String> companies = new ArrayList<>();
            jdbc.sql(
                            "select id, company from lead where id > ? and account_id is null and company is not null order by id limit ?")
                    .params(after, LINK_CHUNK)
                    .query(rs -> {
                        ids.add(rs.getLong(1));
                        companies.add(rs.getString(2));
                    });
            if (ids.isEmpty()) {
                return linked;
            }
            after = ids.getLast();
            linked += transaction.execute(status -> link(ids, companies));
        }
    }

    private long link(List<Long> leadIds, List<String> companies) {
        Map<String, Long> accounts = idsFor(companies);
        List<Long> leads = new ArrayList<>();
        List<Long> accountIds = new ArrayList<>();
        List<String> readAs = new ArrayList<>();
        for (int i = 0; i < leadIds.size(); i++) {
            Long account = accounts.get(companies.get(i));
            if (account != null) {
                leads.add(leadIds.get(i));
                accountIds.add(account);
                readAs.add(companies.get(i));
            }
        }
        // Only leads still without an account and with the company read: an edit meanwhile set its own account.
        return jdbc.sql("""
                        update lead l set account_id = u.account_id
                        from unnest(?::bigint[], ?::bigint[], ?::text[]) as u(lead_id, account_id, company)
                        where l.id = u.lead_id and l.account_id is null and l.company = u.company""")
                .params(leads.toArray(Long[]::new), accountIds.toArray(Long[]::new), readAs.toArray(String[]::new))
                .update();
    }
}
