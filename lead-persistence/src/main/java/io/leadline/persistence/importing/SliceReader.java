package io.leadline.persistence.importing;

import io.leadline.core.account.AccountKey;
import io.leadline.core.contact.Consent;
import io.leadline.core.contact.ConsentSource;
import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.ImportFindings;
import io.leadline.core.importing.LeadRow;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.lead.SourceAliases;
import io.leadline.core.scoring.Score;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.persistence.CopyBinary;
import io.leadline.persistence.JsonObjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * Reads a slice of the file on a scoring thread: by the mapping, sources as merged, scored by the active model; rejected
 * rows are written back in the file's format.
 */
record SliceReader(
        ColumnMapping mapping,
        ScoringModel model,
        SourceAliases sources,
        CSVFormat format,
        Instant now,
        long job,
        boolean slaClock) {

    Slice read(List<CsvFile.Row> rows, long[] ids) {
        int n = rows.size();
        List<ImportJobs.Rejection> rejections = new ArrayList<>();
        List<ImportFindings.Warning> warnings = new ArrayList<>();
        CopyBinary text = new CopyBinary(n * 400);
        int[] ends = new int[3 * n];
        long[] rowNumbers = new long[n];
        long[] emails = new long[n];
        long[] externalIds = new long[n];
        String[] accountKeys = new String[n];
        String[] companies = new String[n];
        long[] mqlIds = new long[n];
        int accepted = 0;
        long nowMicros = CopyBinary.microseconds(now);
        for (int i = 0; i < n; i++) {
            CsvFile.Row row = rows.get(i);
            LeadRow read = LeadRow.read(row.cells(), mapping, now);
            if (read instanceof LeadRow.Rejected(String reason)) {
                rejections.add(new ImportJobs.Rejection(row.number(), LeadFileImport.raw(row.cells()), reason));
                continue;
            }
            LeadRow.Accepted lead = ((LeadRow.Accepted) read).withSourcesOf(sources);
            if (!lead.warnings().isEmpty()) {
                warnings.add(new ImportFindings.Warning(row.number(), String.join("; ", lead.warnings())));
            }
            LeadProfile p = lead.profile();
            if (write(text, ends, 3 * accepted, ids[i], lead, model, nowMicros, job, slaClock) == LifecycleStage.MQL) {
                mqlIds[accepted] = ids[i];
            }
            rowNumbers[accepted] = row.number();
            emails[accepted] =
                    p.email() == null ? 0 : LeadKeyFilter.fingerprint(p.email().value());
            externalIds[accepted] = lead.externalId() == null ? 0 : LeadKeyFilter.fingerprint(lead.externalId());
            accountKeys[accepted] =
                    AccountKey.of(p.company()).map(AccountKey::value).orElse(null);
            companies[accepted] = p.company();
            accepted++;
        }
        return new Slice(
                n,
                text,
                ends,
                rowNumbers,
                emails,
                externalIds,
                accountKeys,
                companies,
                mqlIds,
                accepted,
                rejections,
                warnings);
    }

    /**
     * The fields of the lead's row (without its account, which routing adds), of its score row and, if its stage
     * moved, of the stage change row; each row's field count is written by whoever puts the parts together. Answers
     * the lead's stage. A queued lead's response-time clock starts now if the import said sales should answer its
     * leads ({@code slaClock}); otherwise the file is history and the clock does not run.
     */
    private static LifecycleStage write(
            CopyBinary text,
            int[] ends,
            int at3,
            long id,
            LeadRow.Accepted row,
            ScoringModel model,
            long now,
            long job,
            boolean slaClock) {
        LeadProfile p = row.profile();
        Instant at = row.createdAt();
        long atMicros = CopyBinary.microseconds(at);
        Score score = model.score(p, List.of(), at);
        Lead lead = Lead.capture(p, row.externalId(), at);
        // The file's stage when it gives one beyond New (recorded as imported); else the score decides, as for any
        // lead.
        var moved = row.stage() != null && row.stage() != LifecycleStage.NEW
                ? lead.importStage(row.stage(), null, at)
                : lead.qualifyBy(score, at);
        LifecycleStage stage = moved.map(t -> t.lead().stage()).orElse(lead.stage());
        text.int8(id)
                .text(p.email() == null ? null : p.email().value())
                .text(row.externalId())
                .text(p.fullName())
                .text(p.company())
                .text(p.jobTitle())
                .int4(p.companySize())
                .text(p.country())
                .text(p.source())
                .jsonb(JsonObjects.of(p.attributes()))
                .int8(atMicros)
                .text(stage.name())
                .int8(0)
                .int8(now)
                .int8(job);
        // The file's consent answer, as of the import (when the person gave it is not in the file).
        Boolean consent = row.consent();
        text.text(consent == null ? null : consent ? Consent.GIVEN.name() : Consent.WITHDRAWN.name())
                .int8(consent == null ? null : now)
                .text(consent == null ? null : ConsentSource.IMPORT.name())
                .bool(Boolean.FALSE.equals(consent));
        ends[at3] = text.size();
        text.int8(id)
                .int4(score.modelVersion())
                .int4(score.total())
                .int4(score.fitPoints())
                .int4(score.engagementPoints())
                .text(score.grade().name())
                .int4(score.priority())
                .text(stage.name());
        if (stage.inSalesQueue() && slaClock) {
            text.int8(now);
        } else {
            text.nul();
        }
        text.int8(now);
        ends[at3 + 1] = text.size();
        moved.ifPresent(t -> text.int8(id)
                .text(LifecycleStage.NEW.name())
                .text(t.change().to().name())
                .text(t.change().actor())
                .text(t.change().reason())
                .int8(atMicros)
                .text(t.change().reasonCode()));
        ends[at3 + 2] = text.size();
        return stage;
    }
}
