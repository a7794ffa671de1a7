package io.leadline.persistence.prediction;

/** SQL fragments for reading the live model's stored likelihoods beside other tables. */
public final class LiveLikelihoodSql {

    /** The live likelihood model's id, as a scalar subquery (null while none is live). */
    public static final String LIVE_MODEL_ID =
            "(select id from likelihood_model where live_since is not null order by live_since desc, id desc limit 1)";

    /** Joins the live model's stored likelihood as {@code lk} onto a query whose lead is {@code l}. */
    public static final String JOIN =
            "left join lead_likelihood lk on lk.lead_id = l.id and lk.model_id = " + LIVE_MODEL_ID + "\n";

    /** The likelihood order's sort value: the probability in millionths, -1 for none (as the cores' positions compute it). */
    public static final String SORT_KEY = "coalesce(round(lk.probability * 1000000)::bigint, -1)";

    private LiveLikelihoodSql() {}
}
