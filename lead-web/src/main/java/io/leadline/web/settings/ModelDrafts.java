package io.leadline.web.settings;

import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.FieldKey;
import io.leadline.core.scoring.ConditionText;
import io.leadline.core.scoring.Decay;
import io.leadline.core.scoring.DisqualifyingRule;
import io.leadline.core.scoring.EngagementRule;
import io.leadline.core.scoring.FitGrade;
import io.leadline.core.scoring.FitRule;
import io.leadline.core.scoring.GradeBands;
import io.leadline.core.scoring.LeadCondition;
import io.leadline.core.scoring.MqlThreshold;
import io.leadline.core.scoring.ScoreCaps;
import io.leadline.core.scoring.ScoringModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the model editor's form into a draft: the live model's rules with the weights, caps, decay, grade bands
 * and threshold the admin typed. Every field that cannot be read gets a message of its own.
 */
final class ModelDrafts {

    private ModelDrafts() {}

    /** The draft, or the messages by field name when some could not be read. */
    record Result(ScoringModel draft, Map<String, String> errors) {}

    static Result read(Map<String, String> form, ScoringModel base, int version) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<FitRule> fit = new ArrayList<>();
        List<String> fitKeys = new ArrayList<>(); // where each rule's condition errors show
        for (int i = 0; i < base.fitRules().size(); i++) {
            FitRule rule = base.fitRules().get(i);
            if ("on".equals(form.get("fitremove_" + i))) {
                continue;
            }
            Integer points = integer(form, "fit_" + i, true, null, errors);
            String name = form.getOrDefault("fitname_" + i, rule.name()).strip();
            if (name.isEmpty() || name.length() > 100) {
                errors.put("fitname_" + i, "Name the rule (up to 100 characters).");
                name = rule.name();
            }
            LeadCondition when = rule.when() instanceof LeadCondition.EmailDomain && form.containsKey("fitdomains_" + i)
                    ? domains(form.get("fitdomains_" + i), "fitdomains_" + i, errors)
                    : form.containsKey("fitkind_" + i)
                            ? condition(form, "fit", "_" + i, errors).orElse(rule.when())
                            : rule.when();
            fit.add(new FitRule(name, when, points == null ? rule.points() : points));
            fitKeys.add("fitvalues_" + i);
        }
        for (String row : NEW_ROWS) {
            newFitRule(form, row, errors).ifPresent(rule -> {
                fit.add(rule);
                fitKeys.add("newfit_values" + row);
            });
        }
        List<EngagementRule> engagement = new ArrayList<>();
        for (int i = 0; i < base.engagementRules().size(); i++) {
            EngagementRule rule = base.engagementRules().get(i);
            if ("on".equals(form.get("engremove_" + i))) {
                continue;
            }
            Integer points = integer(form, "eng_" + i, true, null, errors);
            Integer cap = integer(form, "engcap_" + i, false, 0, errors);
            engagement.add(new EngagementRule(
                    rule.name(),
                    rule.type(),
                    points == null ? rule.pointsEach() : points,
                    cap,
                    rule.withinDays(),
                    rule.pages()));
        }
        newEngagementRule(form, errors).ifPresent(engagement::add);
        overlappingRanges(fit, fitKeys, errors);
        Integer threshold = integer(form, "mqlThreshold", true, null, errors);
        Integer gradeA = integer(form, "gradeA", true, null, errors);
        Integer gradeB = integer(form, "gradeB", true, null, errors);
        Integer gradeC = integer(form, "gradeC", true, null, errors);
        Integer fitCap = integer(form, "fitCap", false, 0, errors);
        Integer engagementCap = integer(form, "engagementCap", false, 0, errors);
        Integer totalCap = integer(form, "totalCap", false, 0, errors);
        Integer halfLife = integer(form, "halfLife", false, 1, errors);
        Decay decay = decay(form, halfLife, errors);
        FitGrade minGrade;
        try {
            minGrade = FitGrade.valueOf(form.getOrDefault("minGrade", "D"));
        } catch (IllegalArgumentException e) {
            errors.put("minGrade", "Choose a grade from A to D.");
            minGrade = FitGrade.D;
        }
        if (gradeA != null && gradeB != null && gradeC != null && !(gradeA > gradeB && gradeB > gradeC)) {
            errors.put("gradeA", "Grade bands must fall from A to C: A above B above C.");
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        List<DisqualifyingRule> disqualifying = new ArrayList<>();
        for (int i = 0; i < base.disqualifyingRules().size(); i++) {
            DisqualifyingRule rule = base.disqualifyingRules().get(i);
            LeadCondition when = rule.when() instanceof LeadCondition.EmailDomain && form.containsKey("dqdomains_" + i)
                    ? domains(form.get("dqdomains_" + i), "dqdomains_" + i, errors)
                    : rule.when();
            disqualifying.add(new DisqualifyingRule(rule.name(), when, rule.reason()));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        var draft = new ScoringModel(
                version,
                fit,
                engagement,
                disqualifying,
                new ScoreCaps(fitCap, engagementCap, totalCap),
                decay,
                new GradeBands(gradeA, gradeB, gradeC),
                new MqlThreshold(threshold, minGrade));
        return new Result(draft, Map.of());
    }

    /** The rows for new fit rules under the editor's table: several rules can be added in one draft. */
    static final List<String> NEW_ROWS = List.of("", "_1", "_2");

    /** A fit rule the admin adds at the bottom of the editor, when its name is filled in. */
    private static Optional<FitRule> newFitRule(Map<String, String> form, String row, Map<String, String> errors) {
        String name = form.getOrDefault("newfit_name" + row, "").strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Integer points = integer(form, "newfit_points" + row, true, null, errors);
        var when = condition(form, "newfit", row, errors);
        return points == null || when.isEmpty() ? Optional.empty() : Optional.of(new FitRule(name, when.get(), points));
    }

    /**
     * The condition of a rule row: {@code <prefix>_type}/{@code <prefix>_field}/{@code <prefix>_values} with the row's
     * suffix (the new rows), or {@code fitkind_i}/{@code fitfield_i}/{@code fitvalues_i} (an existing rule).
     */
    private static Optional<LeadCondition> condition(
            Map<String, String> form, String prefix, String row, Map<String, String> errors) {
        boolean existing = prefix.equals("fit");
        String kindKey = existing ? "fitkind" + row : prefix + "_type" + row;
        String fieldKey = existing ? "fitfield" + row : prefix + "_field" + row;
        String valuesKey = existing ? "fitvalues" + row : prefix + "_values" + row;
        String field = form.getOrDefault(fieldKey, "").strip();
        if (field.length() > 100 || FieldKey.of(field).isEmpty()) {
            errors.put(fieldKey, "Name the field the rule reads, e.g. job_title or a custom column such as industry.");
            return Optional.empty();
        }
        try {
            ConditionText.Kind kind;
            try {
                kind = ConditionText.Kind.valueOf(form.getOrDefault(kindKey, ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("choose the kind of rule");
            }
            return Optional.of(ConditionText.read(kind, field, form.getOrDefault(valuesKey, "")));
        } catch (IllegalArgumentException e) {
            errors.put(valuesKey, (existing ? "" : "The new rule: ") + e.getMessage() + ".");
            return Optional.empty();
        }
    }

    /** An engagement rule for an activity type (standard or custom), when its name is filled in. */
    private static Optional<EngagementRule> newEngagementRule(Map<String, String> form, Map<String, String> errors) {
        String name = form.getOrDefault("neweng_name", "").strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Integer points = integer(form, "neweng_points", true, null, errors);
        Integer cap = integer(form, "neweng_cap", false, 0, errors);
        Integer days = integer(form, "neweng_days", false, 1, errors);
        ActivityType type;
        try {
            type = new ActivityType(form.getOrDefault("neweng_type", ""));
        } catch (IllegalArgumentException e) {
            errors.put("neweng_type", "The new rule: " + e.getMessage() + ".");
            return Optional.empty();
        }
        if (points == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EngagementRule(name, type, points, cap, days, form.get("neweng_pages")));
        } catch (IllegalArgumentException e) {
            errors.put("neweng_pages", "The new rule: " + e.getMessage() + ".");
            return Optional.empty();
        }
    }

    /**
     * Two ranges on the same field that share numbers would both count: almost always a slip. The message shows at
     * the later of the two rules.
     */
    private static void overlappingRanges(List<FitRule> rules, List<String> keys, Map<String, String> errors) {
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                if (rules.get(i).when() instanceof LeadCondition.NumericRange a
                        && rules.get(j).when() instanceof LeadCondition.NumericRange b
                        && a.field().equals(b.field())) {
                    long aMin = a.min() == null ? Long.MIN_VALUE : a.min();
                    long aMax = a.max() == null ? Long.MAX_VALUE : a.max();
                    long bMin = b.min() == null ? Long.MIN_VALUE : b.min();
                    long bMax = b.max() == null ? Long.MAX_VALUE : b.max();
                    if (aMin <= bMax && bMin <= aMax) {
                        errors.put(
                                keys.get(j),
                                "The ranges of \"" + rules.get(i).name() + "\" and \""
                                        + rules.get(j).name() + "\" on " + a.field() + " overlap.");
                    }
                }
            }
        }
    }

    /** Domains as typed: separated by commas, spaces or new lines; each a domain name such as rival.com. */
    private static LeadCondition domains(String text, String field, Map<String, String> errors) {
        Set<String> domains = new TreeSet<>();
        for (String d : text.toLowerCase(Locale.ROOT).split("[\\s,;]+")) {
            String domain = d.strip().replaceFirst("^@", "");
            if (domain.isEmpty()) {
                continue;
            }
            if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                errors.put(field, "\"" + domain + "\" is not a domain name like rival.com.");
                return new LeadCondition.EmailDomain(Set.of());
            }
            domains.add(domain);
        }
        return new LeadCondition.EmailDomain(domains);
    }

    /** The form's values for a model, to fill the editor. */
    static Map<String, String> formOf(ScoringModel model) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < model.fitRules().size(); i++) {
            form.put("fit_" + i, Integer.toString(model.fitRules().get(i).points()));
            FitRule rule = model.fitRules().get(i);
            form.put("fitname_" + i, rule.name());
            if (rule.when() instanceof LeadCondition.EmailDomain d) {
                form.put("fitdomains_" + i, String.join(", ", new TreeSet<>(d.domains())));
            } else {
                form.put("fitkind_" + i, ConditionText.kindOf(rule.when()).name());
                form.put("fitfield_" + i, rule.when().field());
                form.put("fitvalues_" + i, ConditionText.valuesOf(rule.when()));
            }
        }
        for (int i = 0; i < model.disqualifyingRules().size(); i++) {
            if (model.disqualifyingRules().get(i).when() instanceof LeadCondition.EmailDomain d) {
                form.put("dqdomains_" + i, String.join(", ", new TreeSet<>(d.domains())));
            }
        }
        for (int i = 0; i < model.engagementRules().size(); i++) {
            EngagementRule rule = model.engagementRules().get(i);
            form.put("eng_" + i, Integer.toString(rule.pointsEach()));
            form.put("engcap_" + i, rule.cap() == null ? "" : rule.cap().toString());
        }
        form.put("mqlThreshold", Integer.toString(model.mqlThreshold().points()));
        form.put("minGrade", model.mqlThreshold().minimumGrade().name());
        form.put("gradeA", Integer.toString(model.gradeBands().minimumForA()));
        form.put("gradeB", Integer.toString(model.gradeBands().minimumForB()));
        form.put("gradeC", Integer.toString(model.gradeBands().minimumForC()));
        form.put("fitCap", model.caps().fit() == null ? "" : model.caps().fit().toString());
        form.put(
                "engagementCap",
                model.caps().engagement() == null
                        ? ""
                        : model.caps().engagement().toString());
        form.put(
                "totalCap",
                model.caps().total() == null ? "" : model.caps().total().toString());
        form.put("halfLife", model.decay() instanceof Decay.HalfLife(int days) ? Integer.toString(days) : "");
        form.put("decaySteps", model.decay() instanceof Decay.Stepped stepped ? stepped.text() : "");
        form.put("note", "");
        return form;
    }

    /** A half-life, steps ("30:50, 90:0"), or none; not both. */
    private static Decay decay(Map<String, String> form, Integer halfLife, Map<String, String> errors) {
        String steps = form.getOrDefault("decaySteps", "").strip();
        if (steps.isEmpty()) {
            return halfLife == null ? new Decay.None() : new Decay.HalfLife(halfLife);
        }
        if (halfLife != null) {
            errors.put("decaySteps", "Choose a half-life or steps, not both: empty one of the two.");
            return new Decay.None();
        }
        try {
            return Decay.Stepped.parse(steps);
        } catch (IllegalArgumentException e) {
            errors.put("decaySteps", e.getMessage());
            return new Decay.None();
        }
    }

    private static Integer integer(
            Map<String, String> form, String field, boolean required, Integer minimum, Map<String, String> errors) {
        String text = form.getOrDefault(field, "").strip();
        if (text.isEmpty()) {
            if (required) {
                errors.put(field, "Enter a whole number.");
            }
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < -1000 || value > 1000) {
                errors.put(field, "Keep it between -1000 and 1000.");
                return null;
            }
            if (minimum != null && value < minimum) {
                errors.put(
                        field,
                        minimum == 0
                                ? "A cap cannot be negative; leave it empty for none."
                                : "At least " + minimum + ".");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number.");
            return null;
        }
    }
}
