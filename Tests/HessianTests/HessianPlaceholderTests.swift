import Testing

@testable import Hessian
