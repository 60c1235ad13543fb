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
        days.sort_by(f64::total_cmp);
        let count = days.len();
        let median_days = match count {
            0 => None,
            n if n % 2 == 1 => Some(days[n / 2]),
            n => Some((days[n / 2 - 1] + days[n / 2]) / 2.0),
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
}
