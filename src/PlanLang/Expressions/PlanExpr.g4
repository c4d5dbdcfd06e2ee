// The PlanLang expression language (docs/language.md). Used in `when`, `needs`, `scenario`, norms
// and every field that holds a quantity. Regenerate the parser with scripts/regen-parser.sh.
grammar PlanExpr;

// A trigger: a boolean expression, optionally "has held for <duration>".
condition : expr (FOR forDuration=expr)? EOF ;

// A value: a quantity, an ordinal or a boolean.
value : expr EOF ;

expr
    : LPAREN expr RPAREN                                    # parens
    | name=IDENT LPAREN (expr (COMMA expr)*)? RPAREN         # call
    | NUMBER unit?                                          # quantity
    | STRING                                                # string
    | path                                                  # pathRef
    | MINUS expr                                            # negate
    | expr op=(STAR | SLASH) expr                           # mulDiv
    | expr op=(PLUS | MINUS) expr                           # addSub
    | expr op=(LT | LE | GT | GE | EQ | NE) expr            # compare
    | NOT expr                                              # not
    | expr AND expr                                         # and
    | expr OR expr                                          # or
    ;

// `L/person/d`: a unit binds to the number before it, so `/` followed by a unit name continues the unit.
unit : IDENT (SLASH IDENT)* ;

path : IDENT (DOT IDENT)* ;

FOR    : 'for' | '持续' ;
AND    : 'and' | '且' | '并且' ;
OR     : 'or' | '或' | '或者' ;
NOT    : 'not' | '非' ;
LE     : '<=' | '≤' ;
GE     : '>=' | '≥' ;
NE     : '!=' | '≠' ;
EQ     : '==' | '=' ;
LT     : '<' ;
GT     : '>' ;
PLUS   : '+' ;
MINUS  : '-' ;
STAR   : '*' | '×' ;
SLASH  : '/' ;
LPAREN : '(' | '（' ;
RPAREN : ')' | '）' ;
COMMA  : ',' | '，' ;
DOT    : '.' ;

NUMBER : DIGIT+ ('.' DIGIT+)? ;
STRING : '\'' (~['\r\n])* '\'' | '"' (~["\r\n])* '"' ;

// Identifiers may hold CJK text (蓝色, 万元, Ⅳ级) and inner hyphens (drinking-water, cold-wave);
// subtraction therefore needs spaces around the minus sign.
IDENT  : ID_START ID_PART* ('-' ID_PART+)* ;

WS     : [ \t\r\n\u3000]+ -> skip ;

// Anything else is one bad character, reported by the parser with its column.
ERROR_CHAR : . ;

fragment DIGIT    : [0-9] ;
fragment ID_START : [\p{L}\p{Nl}_%℃] ;
fragment ID_PART  : [\p{L}\p{Nl}\p{Nd}_²³%℃] ;
