public import ArgumentParser
public import Identity
public import Logging

// Option values parsed by ArgumentParser itself, so `--help` lists the choices and a wrong
// value is rejected with them.
extension TemplateCategory: ExpressibleByArgument {}

extension Logger.Level: @retroactive ExpressibleByArgument {}
