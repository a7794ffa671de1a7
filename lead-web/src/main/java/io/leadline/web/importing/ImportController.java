package io.leadline.web.importing;

import io.leadline.core.audit.AuditAction;
import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.DateFormat;
import io.leadline.core.importing.DuplicatePolicy;
import io.leadline.core.importing.ImportField;
import io.leadline.core.importing.ImportFindings;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.persistence.importing.CsvFile;
import io.leadline.persistence.importing.ImportJob;
import io.leadline.persistence.importing.ImportJobs;
import io.leadline.persistence.importing.ImportTemplates;
import io.leadline.persistence.importing.OutcomeFileImport;
import io.leadline.persistence.importing.UploadRetention;
import io.leadline.persistence.jobs.JobStatus;
import io.leadline.web.audit.Audit;
import io.leadline.web.i18n.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import wizard: upload, preview and mapping, dry run, background run with progress, result, undo. */
@Controller
class ImportController {

    static final int PREVIEW_ROWS = 5;
    static final int SHOWN_REJECTIONS = 20;

    private final ImportUploads uploads;
    private final ImportJobs jobs;
    private final ImportTemplates templates;
    private final Audit audit;
    private final ImportFindings findings;
    private final UploadRetention retention;
    private final OutcomeFileImport outcomes;

    private final PageMessages messages;

    ImportController(
            ImportUploads uploads,
            ImportJobs jobs,
            ImportTemplates templates,
            Audit audit,
            ImportFindings findings,
            UploadRetention retention,
            OutcomeFileImport outcomes,
            PageMessages messages) {
        this.messages = messages;
        this.outcomes = outcomes;
        this.retention = retention;
        this.findings = findings;
        this.uploads = uploads;
        this.templates = templates;
        this.jobs = jobs;
        this.audit = audit;
    }

    @GetMapping("/imports")
    String history(Model model) {
        model.addAttribute("jobs", jobs.latest(50));
        return "importing/imports";
    }

    @PostMapping("/imports")
    String upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "LEADS") ImportJob.Kind kind,
            Principal user,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", messages.get("import.empty"));
            return "redirect:/imports";
        }
        try {
            long id = uploads.draft(kind, file.getOriginalFilename(), file.getInputStream(), user.getName());
            return "redirect:/imports/" + id;
        } catch (CsvFile.UnreadableFileException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/imports";
        }
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable long id, Model model) {
        ImportJob job = job(id);
        model.addAttribute("job", job);
        if (!job.finished() && job.status() != JobStatus.DRAFT) {
            model.addAttribute("refreshSeconds", 2);
        }
        if (job.status() == JobStatus.DRAFT) {
            CsvFile file;
            try {
                file = CsvFile.of(job);
            } catch (CsvFile.UnreadableFileException | UncheckedIOException e) {
                model.addAttribute(
                        "unreadable",
                        e instanceof CsvFile.UnreadableFileException
                                ? e.getMessage()
                                : "The uploaded file is no longer on this server: upload it again.");
                return "importing/import";
            }
            model.addAttribute(
                    "encodings",
                    CsvFile.ENCODINGS.stream()
                            .map(name -> new Choice(
                                    name,
                                    FileFacts.encodingName(name),
                                    name.equals(job.reading().encoding())))
                            .toList());
            model.addAttribute(
                    "separators",
                    CsvFile.DELIMITERS
                            .chars()
                            .mapToObj(c -> new Choice(
                                    c == '\t' ? "tab" : String.valueOf((char) c),
                                    FileFacts.separatorName((char) c),
                                    job.reading().delimiter() != null
                                            && job.reading().delimiter() == c))
                            .toList());
            List<List<String>> preview = file.preview(ImportUploads.GUESS_ROWS);
            List<List<String>> rows = preview.subList(1, preview.size());
            ColumnMapping mapping = job.mapping();
            model.addAttribute("emptyValues", String.join(", ", new TreeSet<>(mapping.emptyValues())));
            model.addAttribute(
                    "facts",
                    FileFacts.of(
                            file.charset(), file.delimiter(), mapping.columns().size(), rows));
            model.addAttribute("preview", rows.subList(0, Math.min(PREVIEW_ROWS, rows.size())));
            model.addAttribute("dates", DateHints.of(mapping, rows));
            model.addAttribute("values", ValueHints.of(mapping, rows));
            model.addAttribute("stageChoices", StageChoices.of(mapping, rows).orElse(null));
            model.addAttribute("stages", LifecycleStage.values());
            model.addAttribute("dateFormats", DateFormat.values());
            model.addAttribute("fields", ImportField.values());
            model.addAttribute("policies", DuplicatePolicy.values());
        }
        if (job.finished() || job.dryRun()) {
            model.addAttribute("rejections", jobs.firstRejections(id, SHOWN_REJECTIONS));
            model.addAttribute("warnings", findings.firstWarnings(id, SHOWN_REJECTIONS));
            model.addAttribute("warned", findings.warned(id));
        }
        if (job.status() == JobStatus.UNDONE || job.status() == JobStatus.DONE) {
            model.addAttribute("updatedLeads", jobs.updatedLeads(id));
        }
        return "importing/import";
    }

    @PostMapping("/imports/{id}/start")
    String start(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Principal user,
            RedirectAttributes redirect) {
        ImportJob job = job(id);
        List<ColumnMapping.Column> columns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < job.mapping().columns().size(); i++) {
            String header = job.mapping().columns().get(i).header();
            try {
                String format = form.getOrDefault("format" + i, "");
                columns.add(new ColumnMapping.Column(
                        header,
                        ImportField.valueOf(form.getOrDefault("field" + i, "IGNORE")),
                        format.isEmpty() ? null : DateFormat.valueOf(format)));
            } catch (IllegalArgumentException e) {
                problems.add("Choose what column \"" + header + "\" holds.");
            }
        }
        ColumnMapping mapping = null;
        try {
            mapping = new ColumnMapping(
                    columns, StageChoices.read(form), ColumnMapping.emptyValuesFrom(form.get("emptyValues")));
            problems.addAll(
                    job.kind() == ImportJob.Kind.LEADS ? mapping.problemsForLeads() : mapping.problemsForOutcomes());
        } catch (IllegalArgumentException e) {
            problems.add(messages.refusal(e));
        }
        DuplicatePolicy policy;
        try {
            policy = DuplicatePolicy.valueOf(form.getOrDefault("policy", "SKIP"));
        } catch (IllegalArgumentException e) {
            policy = DuplicatePolicy.SKIP;
            problems.add("Choose what to do with leads that exist already.");
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("error", String.join(" ", problems));
            return "redirect:/imports/" + id;
        }
        if ("true".equals(form.get("saveTemplate"))) {
            String name = form.getOrDefault("templateName", "").strip();
            if (name.isEmpty() || name.length() > 100) {
                redirect.addFlashAttribute("error", messages.get("import.template.name"));
            } else if (!templates.save(name, mapping, user.getName(), Instant.now())) {
                redirect.addFlashAttribute("error", messages.get("import.template.exists", name));
            } else {
                redirect.addFlashAttribute("message", messages.get("import.template.saved", name));
            }
            return "redirect:/imports/" + id;
        }
        boolean dryRun = "true".equals(form.get("dryRun"));
        boolean slaClock = "true".equals(form.get("slaClock"));
        if (!jobs.queue(id, mapping, policy, dryRun, slaClock)) {
            redirect.addFlashAttribute("error", messages.get("import.started"));
        }
        return "redirect:/imports/" + id;
    }

    /** An option of the "read as" choices: its form value, what the page calls it, whether the user chose it. */
    record Choice(String value, String label, boolean chosen) {}

    /** The user says how the file is written (encoding, separator; blank: as detected): read again, mapping guessed anew. */
    @PostMapping("/imports/{id}/reading")
    String reading(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String encoding,
            @RequestParam(defaultValue = "") String separator,
            RedirectAttributes redirect) {
        ImportJob job = job(id);
        if (job.status() != JobStatus.DRAFT) {
            redirect.addFlashAttribute("error", messages.get("import.started.reading"));
            return "redirect:/imports/" + id;
        }
        try {
            CsvFile.Reading reading = new CsvFile.Reading(
                    encoding.isBlank() ? null : encoding,
                    separator.isBlank()
                            ? null
                            : separator.equals("tab")
                                    ? Character.valueOf('\t')
                                    : Character.valueOf(separator.charAt(0)));
            uploads.reread(job, reading);
            redirect.addFlashAttribute("message", messages.get("import.readAgain.done"));
        } catch (IllegalArgumentException | CsvFile.UnreadableFileException e) {
            redirect.addFlashAttribute("error", messages.refusal(e));
        }
        return "redirect:/imports/" + id;
    }

    /** After a dry run: back to the mapping, to adjust it or run for real. */
    @PostMapping("/imports/{id}/edit")
    String edit(@PathVariable long id) {
        jobs.backToDraft(id);
        return "redirect:/imports/" + id;
    }

    @PostMapping("/imports/{id}/undo")
    String undo(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String confirm,
            Principal user,
            RedirectAttributes redirect) {
        ImportJob job = job(id);
        if (!job.undoable()) {
            redirect.addFlashAttribute("error", messages.get("import.undo.unfinished"));
            return "redirect:/imports/" + id;
        }
        boolean leads = job.kind() == ImportJob.Kind.LEADS;
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute(
                    "error",
                    leads
                            ? messages.get("import.undo.confirm.leads", job.imported())
                            : messages.get("import.undo.confirm.outcomes", job.updated()));
            return "redirect:/imports/" + id;
        }
        String message;
        String shown;
        if (leads) {
            int deleted = jobs.undo(id);
            message = "Import undone: " + deleted + " leads it created are removed.";
            shown = messages.get("import.undone.leads", deleted);
        } else {
            OutcomeFileImport.OutcomesUndone undone = outcomes.undo(id, user.getName(), Instant.now());
            message = "Import undone: " + undone.restored() + " leads have their stage and outcome back"
                    + (undone.changedSince() == 0
                            ? "."
                            : "; " + undone.changedSince() + " changed since the import and stay as they are.");
            shown = messages.get("import.undone.outcomes", undone.restored(), undone.changedSince());
        }
        retention.importEnded();
        // The audit log keeps one language; the page speaks the reader's.
        audit.record(user.getName(), AuditAction.IMPORT_RUN, "import " + id, "undone: " + message);
        redirect.addFlashAttribute("message", shown);
        return "redirect:/imports/" + id;
    }

    @GetMapping("/imports/{id}/rejected.csv")
    void rejected(@PathVariable long id, Principal user, HttpServletResponse response) throws IOException {
        ImportJob job = job(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejected-rows-" + id + ".csv\"");
        audit.record(user.getName(), AuditAction.EXPORT, "import " + id, "rejected rows of " + job.fileName());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        RejectedRows rows = new RejectedRows(findings.mapping(id));
        csv.printRecord(rows.header());
        jobs.rejections(id, r -> {
            try {
                csv.printRecord(rows.row(r.rowNumber(), r.raw(), r.reason()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private ImportJob job(long id) {
        return jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import " + id));
    }
}
