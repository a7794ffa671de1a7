package io.leadline.web.capture;

import io.leadline.core.lead.LeadProfile;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.TreeMap;

/** What the "New lead" form posts. Only these fields bind: owner, stage and score are never taken from a form. */
class NewLeadForm {

    /** Checks only a new lead needs: an edited lead may keep going by its external id alone. */
    interface New {}

    @NotBlank(message = "{lead.fullName.required}")
    @Size(max = 200, message = "{lead.fullName.size}")
    private String fullName;

    @NotBlank(message = "{lead.email.required}", groups = NewLeadForm.New.class)
    @LeadEmail
    private String email;

    @Size(max = 200, message = "{lead.company.size}")
    private String company;

    @Size(max = 200, message = "{lead.jobTitle.size}")
    private String jobTitle;

    @PositiveOrZero(message = "{lead.companySize.negative}")
    @Max(value = 10_000_000, message = "{lead.companySize.max}")
    private Integer companySize;

    @Pattern(regexp = "^$|^[A-Z]{2}$", message = "{lead.country.unknown}")
    private String country;

    @Size(max = 100, message = "{lead.source.size}")
    private String source;

    /** The lead's custom fields by key (an import's extra columns), edited on the Edit lead form; a blank one is removed. */
    private Map<String, String> attributes = new TreeMap<>();

    /** The form filled with what we know, for editing. */
    static NewLeadForm of(LeadProfile p) {
        NewLeadForm form = new NewLeadForm();
        form.fullName = p.fullName();
        form.email = p.email() == null ? null : p.email().value();
        form.company = p.company();
        form.jobTitle = p.jobTitle();
        form.companySize = p.companySize();
        form.country = p.country();
        form.source = p.source();
        form.attributes = new TreeMap<>(p.attributes());
        return form;
    }

    public Map<String, String> getAttributes() {
        return attributes;
    }

    public void setAttributes(Map<String, String> attributes) {
        this.attributes = attributes == null ? new TreeMap<>() : attributes;
    }

    /** The custom fields as the profile keeps them: the blank ones left out. */
    Map<String, String> filledAttributes() {
        var filled = new TreeMap<String, String>();
        attributes.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                filled.put(key, value.strip());
            }
        });
        return filled;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public Integer getCompanySize() {
        return companySize;
    }

    public void setCompanySize(Integer companySize) {
        this.companySize = companySize;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
