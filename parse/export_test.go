package parse

// ParseWindowed is parseWindowed for the tests outside the package (the
// fuzzer reads each input in small windows too).
var ParseWindowed = parseWindowed

// MaxTokens is maxTokens, the limit Parse reads tables with.
const MaxTokens = maxTokens
