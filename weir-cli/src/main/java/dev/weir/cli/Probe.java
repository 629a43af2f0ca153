package dev.weir.cli; class Probe {}
