//! Coverage feedback from LLVM SanitizerCoverage's inline 8-bit counters.
//!
//! When the build enables them (`scripts/fuzz.sh` sets the rustflags),
//! every instrumented module registers its array of edge counters at
//! start-up by calling [`__sanitizer_cov_8bit_counters_init`], defined
//! here. The fuzzer zeroes the counters before each run and reads them
//! after: an input is kept when an edge is hit for the first time or a
//! number of times not seen before (AFL's buckets 1, 2, 3, 4–7, 8–15,
//! 16–31, 32–127, 128+). In a build without instrumentation nothing
//! registers and the fuzzer is a plain structure-aware mutator.

use std::sync::Mutex;

/// Counter arrays as (address, length); addresses as integers so the
/// static is `Send`. Filled before `main`, read after.
static REGIONS: Mutex<Vec<(usize, usize)>> = Mutex::new(Vec::new());

/// Called by each instrumented module's constructor with its counters.
///
/// # Safety
/// `start..stop` must be one module's counter array, valid for the whole
/// run, as LLVM's instrumentation guarantees.
#[no_mangle]
pub unsafe extern "C" fn __sanitizer_cov_8bit_counters_init(start: *mut u8, stop: *mut u8) {
    let (start, stop) = (start as usize, stop as usize);
    if start != 0 && stop > start {
        if let Ok(mut regions) = REGIONS.lock() {
            regions.push((start, stop - start));
        }
    }
}

/// What the counters have shown so far.
pub struct Coverage {
    regions: Vec<(usize, usize)>,
    /// Per counter, the buckets seen (one bit each).
    seen: Vec<u8>,
    features: usize,
}

impl Coverage {
    pub fn new() -> Coverage {
        let regions = REGIONS.lock().map(|r| r.clone()).unwrap_or_default();
        let counters = regions.iter().map(|(_, len)| len).sum();
        Coverage {
            regions,
            seen: vec![0; counters],
            features: 0,
        }
    }

    /// Whether the build is instrumented.
    pub fn enabled(&self) -> bool {
        !self.seen.is_empty()
    }

    /// The number of edge counters.
    pub fn counters(&self) -> usize {
        self.seen.len()
    }

    /// Distinct (edge, bucket) pairs seen so far.
    pub fn features(&self) -> usize {
        self.features
    }

    /// Zeroes every counter, before a run.
    pub fn reset(&self) {
        for &(start, len) in &self.regions {
            // SAFETY: a registered counter array (see the init hook); the
            // fuzzer runs the target on this one thread, so nothing
            // increments counters while they are written.
            unsafe { std::ptr::write_bytes(start as *mut u8, 0, len) };
        }
    }

    /// Reads the counters after a run: how many features are new.
    pub fn gather(&mut self) -> usize {
        let mut new = 0;
        let mut offset = 0;
        for &(start, len) in &self.regions {
            // SAFETY: as in `reset`; read while no target code runs.
            let counters = unsafe { std::slice::from_raw_parts(start as *const u8, len) };
            let seen = &mut self.seen[offset..offset + len];
            for (count, seen) in counters.iter().zip(seen) {
                if *count != 0 {
                    let bit = bucket(*count);
                    if *seen & bit == 0 {
                        *seen |= bit;
                        new += 1;
                    }
                }
            }
            offset += len;
        }
        self.features += new;
        new
    }
}

/// One bit per range of hit counts.
fn bucket(count: u8) -> u8 {
    match count {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 4,
        4..=7 => 8,
        8..=15 => 16,
        16..=31 => 32,
        32..=127 => 64,
        _ => 128,
    }
}
