package io.leadline.web.forms;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A marketer accepts or dismisses a held public-form submission on the lead page. */
@Controller
class PendingSubmissionsController {

    private static final String DECIDED = "That submission was decided already.";

    private final PublicCapture capture;

    PendingSubmissionsController(PublicCapture capture) {
        this.capture = capture;
    }

    @PostMapping("/leads/{id}/submissions/{submission}/accept")
    String accept(
            @PathVariable long id, @PathVariable long submission, Principal marketer, RedirectAttributes redirect) {
        boolean accepted = capture.accept(id, submission, marketer.getName()).isPresent();
        redirect.addFlashAttribute(
                accepted ? "message" : "error",
                accepted ? "Accepted: its answers filled the blank fields and the submission counts now." : DECIDED);
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/submissions/{submission}/dismiss")
    String dismiss(
            @PathVariable long id, @PathVariable long submission, Principal marketer, RedirectAttributes redirect) {
        boolean dismissed = capture.dismiss(id, submission, marketer.getName());
        redirect.addFlashAttribute(
                dismissed ? "message" : "error", dismissed ? "Dismissed: the lead stays as it was." : DECIDED);
        return "redirect:/leads/" + id;
    }
}
