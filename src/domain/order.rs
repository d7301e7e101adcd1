//! Sorting by a numeric key. Every caller shares one sort of `(key, index)`
//! pairs: the standard library's sort is several KB of wasm per element
//! type, and casenote sorts five different types.

/// Sorts `items` by `key`, ascending; equal keys keep their order.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> f64) {
    let mut order: Vec<(f64, usize)> = items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    sort_pairs(&mut order);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, i)| slots[i].take()));
}

#[inline(never)]
fn sort_pairs(pairs: &mut [(f64, usize)]) {
    pairs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_ascending_and_keeps_ties_in_order() {
        let mut v = vec![(3.0, 'a'), (1.0, 'b'), (3.0, 'c'), (-2.0, 'd'), (1.0, 'e')];
        sort_by_key(&mut v, |p| p.0);
        let order: String = v.iter().map(|p| p.1).collect();
        assert_eq!(order, "dbeac");
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |&b| f64::from(b));
        assert!(empty.is_empty());
    }
}
