//! How long things took: the count, the median and the mean, in days.

use chrono::TimeDelta;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Durations {
    pub count: usize,
    pub median_days: Option<f64>,
    pub mean_days: Option<f64>,
}

impl Durations {
    pub fn of(spans: &[TimeDelta]) -> Durations {
        let mut days: Vec<f64> = spans
            .iter()
            .map(|d| d.num_seconds().max(0) as f64 / 86_400.0)
            .collect();
        let count = days.len();
        // The middle found by selection, not by sorting: the report stays linear in the deals.
        let middle =
            |days: &mut [f64], at: usize| *days.select_nth_unstable_by(at, f64::total_cmp).1;
        let median_days = match count {
            0 => None,
            n if n % 2 == 1 => Some(middle(&mut days, n / 2)),
            n => {
                let upper = middle(&mut days, n / 2);
                // Below the upper middle, after selecting it, lie the smaller half: its largest.
                let lower = days[..n / 2].iter().copied().max_by(f64::total_cmp);
                lower.map(|lower| (lower + upper) / 2.0)
            }
        };
        let mean_days = (count > 0).then(|| days.iter().sum::<f64>() / count as f64);
        Durations {
            count,
            median_days,
            mean_days,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_mean_of_odd_and_even_counts() {
        let d = |days: &[i64]| {
            Durations::of(&days.iter().map(|d| TimeDelta::days(*d)).collect::<Vec<_>>())
        };
        assert_eq!(d(&[]), Durations::default());
        assert_eq!(d(&[3, 1, 8]).median_days, Some(3.0));
        assert_eq!(d(&[3, 1, 8]).mean_days, Some(4.0));
        assert_eq!(d(&[1, 2, 4, 10]).median_days, Some(3.0));
        assert_eq!(d(&[1, 2, 4, 10]).count, 4);
    }

    #[test]
    fn the_median_is_the_middle_of_the_sorted_days_in_any_order() {
        for n in 1..40i64 {
            // A scrambled order with repeats: 7 is coprime with 41.
            let days: Vec<i64> = (0..n).map(|i| (i * 7 % 41) / 2).collect();
            let mut sorted = days.clone();
            sorted.sort_unstable();
            let n = sorted.len();
            let expected = if n % 2 == 1 {
                sorted[n / 2] as f64
            } else {
                (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0
            };
            let spans: Vec<TimeDelta> = days.iter().map(|d| TimeDelta::days(*d)).collect();
            assert_eq!(
                Durations::of(&spans).median_days,
                Some(expected),
                "{days:?}"
            );
        }
    }
}
