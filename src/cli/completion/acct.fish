# fish completion for acct, printed by `acct completion fish`.
# Install: acct completion fish > ~/.config/fish/completions/acct.fish
#
# The command tree (commands, flags, what completes each value) is read once
# from `acct completion --tree`; what lives in the data file (your own types,
# ids) from `acct completion --words KIND` at each completion, one word a
# line, printed as it is (fish quotes what it inserts).

function __acct_load
    set -q __acct_tree[1]; and return 0
    # Without acct on PATH nothing is loaded; the next Tab tries again.
    set -g __acct_tree (command acct completion --tree 2>/dev/null)
end

# The fields after RECORD and PATH of each such record of the command path, tab-separated.
function __acct_records --argument-names record node
    string replace -rf -- '^'$record'\t'$node'\t' '' $__acct_tree
end

function __acct_subs --argument-names node
    __acct_records sub $node | string split -f1 \t
end

# Flags that take a value.
function __acct_valued --argument-names node
    __acct_records flag $node | string match -rv -- '^[^\t]*\t-\t' | string split -f1 \t
end

# What completes the value of FLAG, or of positional argument @N (@rest for the repeating last one).
function __acct_spec --argument-names node key
    if string match -q -- '@*' $key
        set -l index (string sub -s 2 -- $key)
        set -l spec (__acct_records arg $node | string replace -rf -- '^'$index'\t' '')
        or set spec (__acct_records arg $node | string replace -rf -- '^rest\t' '')
        printf '%s\n' $spec
    else
        for record in (__acct_records flag $node)
            set -l fields (string split \t -- $record)
            if test "$fields[1]" = "$key"; and test "$fields[2]" != -
                echo $fields[2]
            end
        end
    end
end

# Prints the candidates for a value spec (choices:A B, words:KIND, file), each after PREFIX.
function __acct_reply --argument-names spec cur db prefix
    set -l kind (string split -m 1 -f 1 : -- $spec)
    set -l values (string split -m 1 -f 2 : -- $spec)
    switch "$kind"
        case choices
            printf '%s\n' $prefix(string split ' ' -- $values)
        case words
            if test -n "$db"
                printf '%s\n' $prefix(command acct --db $db completion --words $values 2>/dev/null)
            else
                printf '%s\n' $prefix(command acct completion --words $values 2>/dev/null)
            end
        case file
            __fish_complete_path $cur
    end
end

function __acct_complete
    __acct_load
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmdpath acct
    set -l expect ''
    set -l db ''
    set -l npos 0
    # Walks the words before the cursor: the command path, how many positional
    # arguments it has, whether a flag waits for its value, and --db.
    for w in $tokens[2..]
        if test -n "$expect"
            test "$expect" = --db; and set db $w
            set expect ''
            continue
        end
        switch $w
            case '--db=*'
                set db (string replace -- '--db=' '' $w)
                continue
            case '--*=*'
                continue
            case '-*'
                contains -- $w (__acct_valued $cmdpath); and set expect $w
                continue
        end
        if test $npos -eq 0; and contains -- $w (__acct_subs $cmdpath)
            set cmdpath "$cmdpath $w"
        else
            set npos (math $npos + 1)
        end
    end
    set -l subs (__acct_subs $cmdpath)
    if test -n "$expect"
        set -l spec (__acct_spec $cmdpath $expect)
        __acct_reply "$spec" "$cur" "$db" ''
    else if string match -q -- '--*=*' "$cur"
        set -l parts (string split -m 1 = -- "$cur")
        set -l spec (__acct_spec $cmdpath $parts[1])
        __acct_reply "$spec" "$parts[2]" "$db" "$parts[1]="
    else if string match -q -- '-*' "$cur"
        # FLAG SPEC DESCRIPTION → FLAG DESCRIPTION
        __acct_records flag $cmdpath | string replace -r -- '\t[^\t]*\t' \t
    else
        set -l spec (__acct_spec $cmdpath @$npos)
        if test $npos -eq 0; and set -q subs[1]
            __acct_records sub $cmdpath
        end
        set -l nargs (__acct_records command $cmdpath | string split -f1 \t)
        if test -n "$spec"
            __acct_reply "$spec" "$cur" "$db" ''
        else if test $npos -ge "$nargs"; and begin
                test $npos -gt 0; or not set -q subs[1]
            end
            # Once the positional arguments are given, the flags.
            __acct_records flag $cmdpath | string replace -r -- '\t[^\t]*\t' \t
        end
    end
end

complete -c acct -e
complete -c acct -f -a '(__acct_complete)'
