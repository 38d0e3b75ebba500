package faultaround

const sysUserfaultfd = 323
