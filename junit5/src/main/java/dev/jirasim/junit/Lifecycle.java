package dev.jirasim.junit;

/** How long one isolated world lives. */
public enum Lifecycle {
    /** A fresh world before every test method, dropped after it. */
    PER_METHOD,
    /** One world for all tests of a class: state carries from test to test. */
    PER_CLASS
}
