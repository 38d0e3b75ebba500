// Package faultaround has the kernel map the executable's read-only and
// initialised data, and its code while the packages are initialised, one
// 4 KB page per fault, as touched, instead of the 64 KB around each page
// touched (fault-around), so that a short process holds resident fewer
// pages of its file that it never reads.
//
// A file-backed mapping's read fault maps every page of the file already
// in the page cache within the aligned 64 KB around it (mm/memory.c,
// do_fault_around; fault_around_bytes), and those pages count in the
// process's RSS. A seed build touched ~195 such pieces of the executable,
// ~12 MB resident, of which it read ~6 MB. MADV_RANDOM does not turn this
// off (Linux 6.18: 16 pages mapped per fault with or without it); the only
// per-mapping switch is the one userfaultfd needs for its write-protect
// mode (uffd_disable_fault_around), so the mappings are registered with a
// userfaultfd in asynchronous write-protect mode (UFFD_FEATURE_WP_ASYNC,
// Linux 6.7), which any memory type accepts and which never stops the
// process: nothing is write-protected, no event is ever read.
//
// The read-only segment (type data, string constants, the pclntab: ~4.8
// MB resident, ~2.3 MB of it read) and the file-backed writable one
// (initialised data, the embedded fonts: ~1.3 MB, ~0.6 MB read) are
// registered for the whole process. The code only through the package
// inits: each init touches a page or two of its package's code, 64 KB
// mapped for each, where the build that follows reads most of the code
// it touches (the runtime's, the formats'), 64 KB at a time being fewer
// faults there. Seed build, alternating runs: the code registered for the
// whole process too would cost ~510 more faults (each ~10 µs on the VMs
// the figures come from, mapping one page or sixteen) for 1.8 MB less;
// through the inits, ~125 more for ~0.5 MB less.
//
// Registration is best effort: without the feature, where userfaultfd is
// refused (seccomp, vm.unprivileged_userfaultfd without user-mode-only
// support) or on other systems, the kernel's default stays.
package faultaround

// Active reports whether the package's init registered the executable's
// data mappings.
func Active() bool { return uffd >= 0 }

// InitsDone ends the code's registration, which lasts through the package
// inits, and leaves the kernel's fault-around to the code's pages read
// after them. Package main calls it first.
func InitsDone() { initsDone() }
