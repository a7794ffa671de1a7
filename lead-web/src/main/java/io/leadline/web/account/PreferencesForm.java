package io.leadline.web.account;

import io.leadline.core.user.Language;
import io.leadline.core.user.Preferences;

/** The preferences page's form: a language tag and a zone name, each blank for the browser's. */
public class PreferencesForm {

    private String language = "";
    private String timeZone = "";

    static PreferencesForm of(Preferences preferences) {
        PreferencesForm form = new PreferencesForm();
        form.language = preferences.language().map(Language::tag).orElse("");
        form.timeZone = preferences.timeZone().map(zone -> zone.getId()).orElse("");
        return form;
    }

    boolean languageKnown() {
        return language.isBlank() || Language.ofTag(language).isPresent();
    }

    boolean zoneKnown() {
        return timeZone.isBlank() || Preferences.zone(timeZone).isPresent();
    }

    Preferences preferences() {
        return new Preferences(Language.ofTag(language), Preferences.zone(timeZone));
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null ? "" : language.strip();
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone == null ? "" : timeZone.strip();
    }
}
