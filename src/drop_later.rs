//! Letting go of a big board off the screen's thread: freeing a hundred thousand deals (every
//! text its own allocation) takes a quarter of a second, which no key should wait for.

/// Drops `value` on a thread of its own; here, when no thread can be started.
pub(crate) fn drop_later<T: Send + 'static>(value: T) {
    // A failed spawn drops the closure, and the value with it, here.
    let _ = std::thread::Builder::new()
        .name("dealboard-drop".into())
        .spawn(move || drop(value));
}
