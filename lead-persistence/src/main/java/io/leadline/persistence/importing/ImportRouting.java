package io.leadline.persistence.importing;

import io.leadline.core.importing.ImportFindings;
import io.leadline.persistence.BackgroundWork;
import io.leadline.persistence.CopyBinary;
import io.leadline.persistence.account.Accounts;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where read rows go, slice by slice in file order. A row whose email and external id the filters have certainly
 * not seen — neither earlier in the file nor among the stored leads — is a new lead: its lead, score and stage
 * change rows join the current chunk, and a full chunk is handed to the storing thread, which copies it into
 * {@code lead}, {@code lead_score} and {@code stage_change} on the import's connection while this thread reads on.
 * Every other row is staged (to a file, copied into {@code import_row} at the end) for the SQL that settles
 * duplicates exactly. Without stored keys (the second reading after a race) every row is staged. New leads need
 * their accounts first: when a slice names companies not yet stored, this thread waits until the chunks handed
 * over are stored, stores the accounts on the connection, and reads on.
 */
final class ImportRouting implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportRouting.class);

    /** What reading the file did; {@code straightMqls}: the leads stored straight that became MQLs. */
    record Reading(long rowsRead, long rejected, long straight, List<Long> straightMqls) {}

    private final ImportJob job;
    private final StoredLeadKeys stored;
    private final LeadKeyFilter seenEmails;
    private final LeadKeyFilter seenExternalIds;
    private final Map<String, Long> accountIds = new HashMap<>();
    /** Account keys not stored yet, with the company as the file first spelled it. */
    private final Map<String, String> firstSpellings = new HashMap<>();

    private final List<ImportJobs.Rejection> rejections = new ArrayList<>();
    private final List<ImportFindings.Warning> warnings = new ArrayList<>();
    private final CopyBinary stagedRows = new CopyBinary(1 << 16);
    private final ImportSpill staged;
    private final ImportJobs jobs;
    private final Accounts accounts;
    private final PGConnection connection;
    private final ExecutorService storer;
    private final ArrayDeque<Future<?>> storing = new ArrayDeque<>();
    private NewLeadChunk chunk = new NewLeadChunk();
    /** Stored chunks, emptied for reuse: a chunk's buffers are large, and allocating them anew costs collections. */
    private final ConcurrentLinkedQueue<NewLeadChunk> spareChunks = new ConcurrentLinkedQueue<>();

    private long rowsRead;
    private long rejected;
    private long straight;
    private final List<Long> straightMqls = new ArrayList<>();

    ImportRouting(
            ImportJob job,
            StoredLeadKeys stored,
            long fileBytes,
            PGConnection connection,
            ImportJobs jobs,
            Accounts accounts,
            ImportSpill staged) {
        this.job = job;
        this.connection = connection;
        this.jobs = jobs;
        this.accounts = accounts;
        this.stored = stored;
        // At most one key a 32 bytes of file is more than any real lead file holds: the filters stay sparse.
        this.seenEmails = new LeadKeyFilter(stored == null ? 0 : fileBytes / 32);
        this.seenExternalIds = new LeadKeyFilter(stored == null ? 0 : fileBytes / 32);
        this.staged = staged;
        this.storer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("import-" + job.id() + "-store").factory());
    }

    /** The file cannot be read on from this row: the row counts as read and rejected, the rest is left out. */
    void unreadable(long row, String why) {
        rowsRead++;
        rejected++;
        rejections.add(new ImportJobs.Rejection(row, "", why));
    }

    void send(Slice slice, long bytesRead) throws IOException, SQLException {
        boolean[] straightRows = route(slice);
        byte[] text = slice.text().bytes();
        int[] ends = slice.ends();
        for (int i = 0; i < slice.accepted(); i++) {
            int start = slice.start(i);
            int leadEnd = ends[3 * i];
            int scoreEnd = ends[3 * i + 1];
            int changeEnd = ends[3 * i + 2];
            if (straightRows[i]) {
                String key = slice.accountKeys()[i];
                Long account = key == null ? null : accountIds.get(key);
                chunk.leads
                        .row(LeadFileImport.LEAD_FIELDS + 1)
                        .raw(text, start, leadEnd - start)
                        .int8(account);
                chunk.scores.row(LeadFileImport.SCORE_FIELDS).raw(text, leadEnd, scoreEnd - leadEnd);
                if (changeEnd > scoreEnd) {
                    chunk.changes.row(LeadFileImport.CHANGE_FIELDS).raw(text, scoreEnd, changeEnd - scoreEnd);
                }
                chunk.rows++;
                straight++;
                if (slice.mqlIds()[i] != 0) {
                    straightMqls.add(slice.mqlIds()[i]);
                }
            } else {
                stagedRows
                        .row(2
                                + LeadFileImport.LEAD_FIELDS
                                + LeadFileImport.SCORE_FIELDS
                                + LeadFileImport.CHANGE_FIELDS)
                        .int8(slice.rowNumbers()[i])
                        .text(slice.accountKeys()[i])
                        .raw(text, start, scoreEnd - start);
                if (changeEnd > scoreEnd) {
                    stagedRows.raw(text, scoreEnd, changeEnd - scoreEnd);
                } else {
                    stagedRows.raw(LeadFileImport.NO_CHANGE, 0, LeadFileImport.NO_CHANGE.length);
                }
            }
        }
        if (chunk.rows >= LeadFileImport.CHUNK) {
            store();
        }
        staged.write(stagedRows);

        long before = rowsRead;
        rowsRead += slice.rows();
        rejected += slice.rejections().size();
        rejections.addAll(slice.rejections());
        warnings.addAll(slice.warnings());
        if (rowsRead / LeadFileImport.BATCH != before / LeadFileImport.BATCH) {
            saveFindings();
            jobs.progress(job.id(), "reading", rowsRead, rejected, bytesRead);
        }
    }

    /** Which of the slice's rows are certainly new leads; stores the accounts they and other first rows name. */
    private boolean[] route(Slice slice) throws IOException, SQLException {
        boolean[] straightRows = new boolean[slice.accepted()];
        if (stored == null) {
            return straightRows;
        }
        Map<String, String> newAccounts = new LinkedHashMap<>();
        for (int i = 0; i < slice.accepted(); i++) {
            long email = slice.emails()[i];
            long externalId = slice.externalIds()[i];
            // Both filters learn both keys, even when the first already says "seen".
            boolean seen = email != 0 && seenEmails.add(email);
            seen |= externalId != 0 && seenExternalIds.add(externalId);
            straightRows[i] = !seen && !stored.mayContain(email, externalId);
            String key = slice.accountKeys()[i];
            if (key != null && !accountIds.containsKey(key)) {
                // An account is named as the file first spells it, even by a row the filters took for seen (a
                // duplicate, or a rare false "seen"); it is created here once a row they have not seen names it,
                // else by the staging SQL, and only if a row that is no duplicate names it.
                String name = firstSpellings.putIfAbsent(key, slice.companies()[i]);
                if (name == null) {
                    name = slice.companies()[i];
                }
                if (!seen) {
                    newAccounts.putIfAbsent(key, name);
                }
            }
        }
        if (!newAccounts.isEmpty()) {
            // The accounts go in on the import's connection: wait until the storing thread is done with it.
            storeAndWait();
            Map<String, Long> ids = accounts.idsFor(newAccounts.values());
            newAccounts.forEach((key, company) -> {
                accountIds.put(key, ids.get(company));
                firstSpellings.remove(key);
            });
        }
        return straightRows;
    }

    /** Stores the last new leads, then copies the staged rows in. */
    Reading finish(ImportPhases phases) throws IOException, SQLException {
        saveFindings();
        jobs.progress(job.id(), "storing new leads", rowsRead, rejected, job.fileBytes());
        storeAndWait();
        phases.done(
                "read, validate, score and store " + straight + " new leads straight, with scores and stage history");
        staged.copyIn(connection);
        phases.done("stage the other " + (rowsRead - rejected - straight) + " rows");
        return new Reading(rowsRead, rejected, straight, List.copyOf(straightMqls));
    }

    /** Rejections and warnings so far, on their own connection (kept when a dry run rolls back). */
    private void saveFindings() {
        if (!warnings.isEmpty()) {
            jobs.saveWarnings(job.id(), List.copyOf(warnings));
            warnings.clear();
        }
        if (!rejections.isEmpty()) {
            jobs.saveRejections(job.id(), List.copyOf(rejections));
            rejections.clear();
        }
    }

    /**
     * Hands the chunk to the storing thread, which copies its leads, then their scores and stage changes, while
     * this thread reads on. At most {@code LeadFileImport.CHUNKS_AHEAD} chunks wait to be stored, which bounds the memory.
     */
    private void store() {
        if (chunk.rows > 0) {
            NewLeadChunk full = chunk;
            NewLeadChunk spare = spareChunks.poll();
            chunk = spare == null ? new NewLeadChunk() : spare;
            storing.add(storer.submit(() -> {
                full.copyTo(connection);
                full.clear();
                spareChunks.add(full);
                return null;
            }));
        }
        while (storing.size() > LeadFileImport.CHUNKS_AHEAD) {
            BackgroundWork.result(storing.removeFirst(), "storing new leads");
        }
    }

    /** Stores the chunk read so far and waits until every chunk is stored: the connection is free afterwards. */
    private void storeAndWait() {
        store();
        while (!storing.isEmpty()) {
            BackgroundWork.result(storing.removeFirst(), "storing new leads");
        }
    }

    @Override
    public void close() {
        // A chunk being stored when reading failed is let finish (its COPY ends cleanly); the transaction then
        // rolls back to where reading began, or altogether.
        storer.shutdown();
        try {
            if (!storer.awaitTermination(10, TimeUnit.MINUTES)) {
                log.warn("import {}: storing new leads did not end after reading failed", job.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        staged.delete();
    }
}
