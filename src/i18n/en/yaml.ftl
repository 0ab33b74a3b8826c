# rapport's English catalog: what the YAML parser and the reader of typed values say
# of a file (E01 syntax, E02 types and required keys, E07 impossible dates). Each
# message has its twin in ru/yaml.ftl with the same arguments. Values and keys quoted
# from a file are passed as the file writes them.

## E01: not YAML a book file may hold

yaml-syntax = YAML syntax: { $detail }
yaml-too-deep = nesting too deep (a book file may nest { $max } levels)
yaml-tag = YAML tag `{ $tag }` is not supported in a book file
yaml-second-document = a second YAML document: a book file holds exactly one
yaml-unknown-anchor = alias to an unknown anchor
yaml-after-end = content after the end of the document
yaml-too-many-nodes = more than { $max } YAML nodes in one file
yaml-second-root = more than one root node
# The parser's own words: those a hand-edited file meets, and any other as it says it.
yaml-parser = { $what ->
        [mapping-values] mapping values are not allowed in this context
        [block-mapping-key] while parsing a block mapping, did not find expected key
        [block-sequence-dash] while parsing a block collection, did not find expected '-' indicator
        [indentation] invalid indentation
        [quoted-end] while scanning a quoted scalar, found unexpected end of stream
        [tab-indent] tab cannot be used as indentation
        [tabs-block] tabs disallowed within this context (block indentation)
        [tabs] tabs disallowed in this context
        [node-content] while parsing a node, did not find expected node content
        [flow-sequence] while parsing a flow sequence, expected ',' or ']'
        [flow-mapping] while parsing a flow mapping, did not find expected ',' or '{"}"}'
        [unknown-escape] while parsing a quoted scalar, found unknown escape character
        [key-colon] simple key expect ':'
        [unprintable] found unprintable character
       *[other] { $said }
    }
yaml-duplicate-key = duplicate key `{ $key }`
yaml-duplicate-key-help = a key may appear once in a mapping: merge the two
yaml-key-not-text = a key must be plain text
yaml-too-many-visits = reading this file visits more than { $max } nodes (an alias bomb?)

## E02: a value of the wrong type, a missing key

yaml-expected = expected { $want }, found { $found }
yaml-want = { $what ->
        [boolean] a boolean
        [true-or-false] a boolean (`true` or `false`)
        [text] text
        [nothing] nothing
        [list] a list
        [mapping] a mapping
        [value] a value
        [listed] one of the listed values
        [plain] a plain value
        [whole] a whole number
        [whole-from] a whole number from { $from } up
        [whole-range] a whole number from { $from } to { $to }
        [number] a number
        [date] a date as YYYY-MM-DD
        [date-time] a date and time as YYYY-MM-DDTHH:MM
        [time] a time of day as HH:MM
        [birthday] a birthday as YYYY-MM-DD, or --MM-DD without the year
        [money] a sum of money with at most 2 decimal places, like 125000.50
        [quantity] a quantity like 1, 2.5 or 0.125
        [vat] a VAT rate like 22, or `none`
        [setting] a whole number of 0 or more, or a list of words
        [rule-setting] `off`, or a mapping with `severity` and thresholds
       *[other] { $said }
    }
yaml-found = { $what ->
        [text] `{ $text }`
        [null] nothing (null)
        [list] a list
        [mapping] a mapping
        [boolean] the boolean `{ $text }`
        [number] the number `{ $text }`
        [quoted-boolean] the quoted text "{ $text }"
       *[other] { $text }
    }
yaml-not-one-of = `{ $value }` is not one of { $choices }
yaml-missing-key = missing required key `{ $key }`
yaml-missing-key-help = add `{ $key }:` to this mapping
yaml-remove-quotes = remove the quotes: `{ $text }` is a boolean, in quotes it is text
yaml-write-true = write `true`: YAML 1.2 reads `yes` and `on` as text
yaml-write-false = write `false`: YAML 1.2 reads `no` and `off` as text
yaml-quote-colon = a colon followed by a space starts a key: put the whole text in quotes

## E07: a date that cannot be

yaml-not-a-real-date = `{ $text }` is not a real date: { $why }
yaml-no-month = there is no month { $month }
yaml-no-day = { $year }-{ $month } has { $last } days, there is no day { $day }
yaml-no-day-in-month = month { $month } has no day { $day }
yaml-no-time = there is no time { $time } in a day
# A month in the two messages above: its number as a date writes it.
yaml-month = { $m ->
        [1] 01
        [2] 02
        [3] 03
        [4] 04
        [5] 05
        [6] 06
        [7] 07
        [8] 08
        [9] 09
        [10] 10
        [11] 11
       *[12] 12
    }

## E02: values a type of the book refuses

yaml-qty-zero = a line's quantity must be more than zero, found `{ $value }`: leave out a line with none
yaml-price-negative = a line's price must not be negative, found `{ $value }`: an invoice asks for money; give a discount as a lower price
yaml-line-too-large = line { $n } (`{ $item }`: { $qty } × { $price }) comes to more than the largest sum of money, { $max }
yaml-sum-too-large = the sum of the lines comes to more than the largest sum of money, { $max }
