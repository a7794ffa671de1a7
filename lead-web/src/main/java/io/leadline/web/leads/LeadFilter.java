package io.leadline.web.leads;

import io.leadline.core.lead.FieldFilter;
import io.leadline.core.lead.LeadSearch;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.scoring.FitGrade;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The lead list's filter form, bound from the query string. */
public class LeadFilter {

    private String text;
    private LifecycleStage stage;
    private String source;
    private FitGrade grade;
    private FitGrade minGrade;
    private Integer withinDays;
    private String owner;
    private Integer minScore;
    private Integer maxScore;
    private Integer minLikelihood;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate createdFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate createdTo;

    private LeadSearch.Order order = LeadSearch.Order.NEWEST;
    private String customField;
    private String customValue;
    private Double customMin;
    private Double customMax;
    private Long segment;

    public LeadSearch toSearch() {
        return new LeadSearch(
                text,
                stage,
                source,
                grade,
                minGrade,
                owner,
                minScore,
                maxScore,
                createdFrom,
                createdTo,
                withinDays,
                order,
                minLikelihood,
                FieldFilter.of(customField, customValue, customMin, customMax),
                segment);
    }

    public Long getSegment() {
        return segment;
    }

    public void setSegment(Long segment) {
        this.segment = segment;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public LifecycleStage getStage() {
        return stage;
    }

    public void setStage(LifecycleStage stage) {
        this.stage = stage;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public FitGrade getGrade() {
        return grade;
    }

    public void setGrade(FitGrade grade) {
        this.grade = grade;
    }

    public FitGrade getMinGrade() {
        return minGrade;
    }

    public void setMinGrade(FitGrade minGrade) {
        this.minGrade = minGrade;
    }

    public Integer getWithinDays() {
        return withinDays;
    }

    public void setWithinDays(Integer withinDays) {
        this.withinDays = withinDays;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public Integer getMinScore() {
        return minScore;
    }

    public void setMinScore(Integer minScore) {
        this.minScore = minScore;
    }

    public Integer getMaxScore() {
        return maxScore;
    }

    public void setMaxScore(Integer maxScore) {
        this.maxScore = maxScore;
    }

    public Integer getMinLikelihood() {
        return minLikelihood;
    }

    public void setMinLikelihood(Integer minLikelihood) {
        this.minLikelihood = minLikelihood;
    }

    public LocalDate getCreatedFrom() {
        return createdFrom;
    }

    public void setCreatedFrom(LocalDate createdFrom) {
        this.createdFrom = createdFrom;
    }

    public LocalDate getCreatedTo() {
        return createdTo;
    }

    public void setCreatedTo(LocalDate createdTo) {
        this.createdTo = createdTo;
    }

    public LeadSearch.Order getOrder() {
        return order;
    }

    public void setOrder(LeadSearch.Order order) {
        this.order = order;
    }

    public String getCustomField() {
        return customField;
    }

    public void setCustomField(String customField) {
        this.customField = customField;
    }

    public String getCustomValue() {
        return customValue;
    }

    public void setCustomValue(String customValue) {
        this.customValue = customValue;
    }

    public Double getCustomMin() {
        return customMin;
    }

    public void setCustomMin(Double customMin) {
        this.customMin = customMin;
    }

    public Double getCustomMax() {
        return customMax;
    }

    public void setCustomMax(Double customMax) {
        this.customMax = customMax;
    }
}
