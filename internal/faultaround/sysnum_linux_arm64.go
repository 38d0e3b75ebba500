package faultaround

const sysUserfaultfd = 282
