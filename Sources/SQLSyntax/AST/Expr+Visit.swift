extension Expr {
    /// Calls `visit` on this expression and every expression inside it, depth
    /// first; subqueries are not entered (their expressions belong to another
    /// query), nor are window definitions.
    public func visit(_ visit: (Expr) -> Void) {
        visit(self)
        func each(_ list: [Expr]) { for e in list { e.visit(visit) } }
        switch kind {
        case .column, .star, .literal, .parameter, .defaultValue, .invalid, .typedLiteral:
            break
        case .unary(_, let operand): operand.visit(visit)
        case .binary(_, let l, let r): each([l, r])
        case .isTest(let e, _, _): e.visit(visit)
        case .isDistinctFrom(let a, let b, _): each([a, b])
        case .between(let e, let low, let high, _, _): each([e, low, high])
        case .like(let e, let p, let esc, _, _): each([e, p] + (esc.map { [$0] } ?? []))
        case .inList(let e, let items, _): each([e] + items)
        case .inSubquery(let e, _, _): e.visit(visit)
        case .quantified(let e, _, _, _, let array): each([e] + (array.map { [$0] } ?? []))
        case .exists, .subquery, .arraySubquery: break
        case .array(let items), .row(let items, _): each(items)
        case .cast(let e, _): e.visit(visit)
        case .function(let call):
            each(call.arguments.map(\.value))
            if let f = call.filter { f.visit(visit) }
            each(call.orderBy.map(\.expr))
        case .caseWhen(let operand, let branches, let otherwise):
            if let operand { operand.visit(visit) }
            for b in branches { each([b.condition, b.result]) }
            if let otherwise { otherwise.visit(visit) }
        case .subscripted(let e, let subs):
            e.visit(visit)
            for s in subs { each([s.lower, s.upper].compactMap { $0 }) }
        case .field(let e, _): e.visit(visit)
        case .collate(let e, _): e.visit(visit)
        case .atTimeZone(let e, let z): each([e] + (z.map { [$0] } ?? []))
        case .raise(_, let m): if let m { m.visit(visit) }
        }
    }
}
