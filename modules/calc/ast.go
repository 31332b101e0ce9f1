package calc

// nodeKind is the kind of a node of a parsed expression.
type nodeKind int

// Node kinds. Parentheses and unary plus leave no node.
const (
	nodeNumber nodeKind = iota
	nodeNegate
	nodeBinary
	nodeCall
	nodeFactorial
)

// node is a node of a parsed expression.
type node struct {
	kind nodeKind
	// pos is the 1-based column of the node's operator, name or literal.
	pos int
	// op is the operator of a nodeBinary.
	op tokenKind
	// number is the literal of a nodeNumber, and text its spelling.
	number decimal
	text   string
	// name is the lower-case function name of a nodeCall.
	name string
	// args are the operands or arguments: one for nodeNegate and
	// nodeFactorial, two for nodeBinary.
	args []*node
}
