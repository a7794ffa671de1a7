package io.leadline.web.settings;

import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.core.scoring.StarterModel;
import org.springframework.stereotype.Component;

/** Until admins can save their own model versions, every lead is scored with the starter model. */
@Component
class ActiveScoringModel implements ScoringModels {

    private final ScoringModel starter = StarterModel.version1();

    @Override
    public ScoringModel active() {
        return starter;
    }
}
