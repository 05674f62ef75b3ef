fn main() { banzi::hello(); }
