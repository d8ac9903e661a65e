extension Expr {
    /// Calls `visit` on this expression and every expression inside it, depth
    /// first; subqueries are not entered (their expressions belong to another
    /// query), nor are window definitions.
    public func visit(_ visit: (Expr) -> Void) {
        visit(self)
        switch kind {
        case .column, .star, .literal, .parameter, .defaultValue, .invalid, .typedLiteral:
            break
        case .unary(_, let operand): operand.visit(visit)
        case .binary(_, let l, let r):
            l.visit(visit)
            r.visit(visit)
        case .isTest(let e, _, _): e.visit(visit)
        case .isDistinctFrom(let a, let b, _):
            a.visit(visit)
            b.visit(visit)
        case .between(let e, let low, let high, _, _):
            e.visit(visit)
            low.visit(visit)
            high.visit(visit)
        case .like(let e, let p, let esc, _, _):
            e.visit(visit)
            p.visit(visit)
            esc?.visit(visit)
        case .inList(let e, let items, _):
            e.visit(visit)
            for item in items { item.visit(visit) }
        case .inSubquery(let e, _, _): e.visit(visit)
        case .quantified(let e, _, _, _, let array):
            e.visit(visit)
            array?.visit(visit)
        case .exists, .subquery, .arraySubquery: break
        case .array(let items), .row(let items, _):
            for item in items { item.visit(visit) }
        case .cast(let e, _): e.visit(visit)
        case .function(let call):
            for argument in call.arguments { argument.value.visit(visit) }
            call.filter?.visit(visit)
            for item in call.orderBy { item.expr.visit(visit) }
        case .caseWhen(let operand, let branches, let otherwise):
            operand?.visit(visit)
            for b in branches {
                b.condition.visit(visit)
                b.result.visit(visit)
            }
            otherwise?.visit(visit)
        case .subscripted(let e, let subs):
            e.visit(visit)
            for s in subs {
                s.lower?.visit(visit)
                s.upper?.visit(visit)
            }
        case .field(let e, _): e.visit(visit)
        case .collate(let e, _): e.visit(visit)
        case .atTimeZone(let e, let z):
            e.visit(visit)
            z?.visit(visit)
        case .raise(_, let m): m?.visit(visit)
        }
    }
}
