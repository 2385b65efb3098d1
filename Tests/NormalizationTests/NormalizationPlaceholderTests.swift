import Testing

@testable import Normalization
