//! Work split over the machine's two cores, for what walks a big board.

/// Deals from which walking them on two cores is quicker than on one: below it, starting a
/// thread costs more than it saves.
pub(crate) const WORTH_IT_FROM: usize = 2000;

/// Where to cut `lists` so that each side holds about half of their items, and whether they
/// hold enough to share them out over two cores.
pub(crate) fn middle<T>(lists: &[Vec<T>]) -> (usize, bool) {
    let total: usize = lists.iter().map(Vec::len).sum();
    let mut before = 0;
    let middle = lists
        .iter()
        .position(|list| {
            before += list.len();
            2 * before >= total
        })
        .map_or(lists.len(), |i| i + 1);
    (middle, total >= WORTH_IT_FROM)
}

/// `first` and `second`: on two cores when `split`, else one after the other. A panic on the
/// other core is passed on as if it happened here.
pub(crate) fn both<A: Send, B: Send>(
    split: bool,
    first: impl FnOnce() -> A + Send,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !split {
        return (first(), second());
    }
    std::thread::scope(|scope| {
        let second = scope.spawn(second);
        let first = first();
        let second = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, second)
    })
}
