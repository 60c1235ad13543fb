//! The look: every colour and emphasis in one place. Meaning never rests on colour alone (a
//! symbol or reverse video carries it too), so the board reads in monochrome and on a projector.

use ratatui::style::{Color, Modifier, Style};

pub fn title_bar() -> Style {
    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

pub fn column_border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

pub fn column_title(focused: bool) -> Style {
    let style = Style::new().add_modifier(Modifier::BOLD);
    if focused {
        style.fg(Color::Cyan)
    } else {
        style
    }
}

pub fn totals() -> Style {
    Style::new().fg(Color::Green)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn card_title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn marker() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn overdue() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn due_today() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn won() -> Style {
    Style::new().fg(Color::Green)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn saved() -> Style {
    Style::new().fg(Color::Green)
}

pub fn not_saved() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

pub fn heading() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn key() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn label(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    }
}

pub fn input(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::UNDERLINED)
    } else {
        Style::new()
    }
}

/// Going cold: marked in colour and with a symbol, so it also shows without colour.
pub fn rotting() -> Style {
    Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD)
}

/// The filter and order in force, in the title bar.
pub fn filter_state() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

/// The line where the filter is typed.
pub fn filter_line() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// The bars of the process report's funnel and forecast.
pub fn bar() -> Style {
    Style::new().fg(Color::Cyan)
}

/// A figure that got better or worse than in the period before (an arrow says which way too).
pub fn better() -> Style {
    Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
}

pub fn worse() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// A finding the report points out, such as the slowest stage.
pub fn callout() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}
