package dev.weir.web;
class Probe {}
