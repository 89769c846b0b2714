#compdef acct
# zsh completion for acct, printed by `acct completion zsh`.
# Install: echo 'source <(acct completion zsh)' >> ~/.zshrc   (after compinit)
#
# The command tree (commands, flags, what completes each value) is read once
# from `acct completion --tree`; what lives in the data file (your own types,
# ids) from `acct completion --words KIND` at each completion, one word a
# line, each given to compadd as it is (compadd quotes what it inserts).

# Reads the tree into tables keyed by command path ("acct plan set").
__acct_load() {
  (( ${+__acct_loaded} )) && return 0
  typeset -gA __acct_nargs __acct_subs __acct_described __acct_flags __acct_valued __acct_spec
  local record node name spec rest key
  while IFS=$'\t' read -r record node name spec rest; do
    case $record in
      command) __acct_nargs[$node]=$name ;;
      sub)
        __acct_subs[$node]+="$name "
        # spec holds the description here: sub PATH NAME DESCRIPTION
        __acct_described[$node]+="$name:$spec"$'\n'
        ;;
      flag)
        __acct_flags[$node]+="$name "
        if [[ $spec != - ]]; then
          __acct_valued[$node]+="$name "
          key="$node|$name"
          __acct_spec[$key]=$spec
        fi
        ;;
      arg)
        key="$node|@$name"
        __acct_spec[$key]=$spec
        ;;
    esac
  done < <(command acct completion --tree 2>/dev/null)
  # Without acct on PATH nothing is loaded; the next Tab tries again.
  [[ -n ${__acct_flags[acct]-} ]] && typeset -g __acct_loaded=1
  return 0
}

# Prints the words of KIND ($1) from the data file ($2, else acct's default), one a line.
__acct_words() {
  if [[ -n $2 ]]; then
    command acct --db "$2" completion --words "$1" 2>/dev/null
  else
    command acct completion --words "$1" 2>/dev/null
  fi
}

# Completes from a value spec $1 (choices:A B, words:KIND, file), with the data file $2.
__acct_reply() {
  local kind=${1%%:*} values=${1#*:}
  case $kind in
    choices) compadd -- ${=values} ;;
    words) compadd -- ${(f)"$(__acct_words "$values" "$2")"} ;;
    file) _files ;;
  esac
}

_acct() {
  # The user's options (glob_subst, sh_word_split, ksh_arrays …) must not change how words are read.
  emulate -L zsh
  local cmdpath=acct expect='' db='' w spec cur=${words[CURRENT]}
  local -a described
  local -i i npos=0
  __acct_load
  # Walks the words before the cursor: the command path, how many positional
  # arguments it has, whether a flag waits for its value, and --db.
  for ((i = 2; i < CURRENT; i++)); do
    w=${words[i]}
    if [[ -n $expect ]]; then
      [[ $expect == --db ]] && db=$w
      expect=''
      continue
    fi
    case $w in
      --db=*) db=${w#--db=}; continue ;;
      --*=*) continue ;;
      -*)
        [[ " ${__acct_valued[$cmdpath]-} " == *" $w "* ]] && expect=$w
        continue
        ;;
    esac
    if (( npos == 0 )) && [[ " ${__acct_subs[$cmdpath]-} " == *" $w "* ]]; then
      cmdpath+=" $w"
    else
      npos+=1
    fi
  done
  if [[ -n $expect ]]; then
    __acct_reply "${__acct_spec[$cmdpath|$expect]-}" "$db"
  elif [[ $cur == --*=* ]]; then
    spec=${__acct_spec[$cmdpath|${cur%%=*}]-}
    compset -P '*='
    __acct_reply "$spec" "$db"
  elif [[ $cur == -* ]]; then
    compadd -- ${=__acct_flags[$cmdpath]-}
  else
    spec=${__acct_spec[$cmdpath|@$npos]-${__acct_spec[$cmdpath|@rest]-}}
    if (( npos == 0 )) && [[ -n ${__acct_subs[$cmdpath]-} ]]; then
      described=(${(f)__acct_described[$cmdpath]})
      _describe -t commands 'acct command' described
    fi
    if [[ -n $spec ]]; then
      __acct_reply "$spec" "$db"
    elif (( npos >= ${__acct_nargs[$cmdpath]-0} )) && { (( npos > 0 )) || [[ -z ${__acct_subs[$cmdpath]-} ]]; }; then
      # Once the positional arguments are given, the flags.
      compadd -- ${=__acct_flags[$cmdpath]-}
    fi
  fi
}

if (( $+functions[compdef] )); then
  compdef _acct acct
else
  print -u2 'acct: run compinit before loading the completion (autoload -Uz compinit && compinit)'
fi
