package io.leadline.web.home;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where every user starts: what needs them today ({@link TodayBoard}). */
@Controller
class TodayController {

    private final TodayBoard board;

    TodayController(TodayBoard board) {
        this.board = board;
    }

    @GetMapping("/")
    String today(HttpServletRequest request, Model model) {
        var viewer = new TodayBoard.Viewer(
                request.getRemoteUser(),
                request.isUserInRole("SALES"),
                request.isUserInRole("MARKETER"),
                request.isUserInRole("ADMIN"));
        model.addAttribute("today", board.of(viewer));
        model.addAttribute("viewer", viewer);
        return "home/today";
    }
}
