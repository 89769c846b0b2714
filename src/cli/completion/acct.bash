# shellcheck shell=bash
# bash completion for acct (bash 4.2 or newer), printed by `acct completion bash`.
# Install: echo 'source <(acct completion bash)' >> ~/.bashrc
#
# The command tree (commands, flags, what completes each value) is read once
# from `acct completion --tree`; what lives in the data file (your own types,
# ids) from `acct completion --words KIND` at each completion. Words are data:
# they are read with read and mapfile, compared literally and inserted quoted
# (printf %q), never given to eval, compgen -W or an unquoted expansion.

# Reads the tree into tables keyed by command path ("acct plan set").
__acct_load() {
  [[ -n ${__acct_loaded-} ]] && return 0
  declare -gA __acct_nargs=() __acct_subs=() __acct_flags=() __acct_valued=() __acct_spec=()
  local record path name spec
  while IFS=$'\t' read -r record path name spec _; do
    case $record in
      command) __acct_nargs["$path"]=$name ;;
      sub) __acct_subs["$path"]+="$name " ;;
      flag)
        __acct_flags["$path"]+="$name "
        if [[ $spec != - ]]; then
          __acct_valued["$path"]+="$name "
          __acct_spec["$path|$name"]=$spec
        fi
        ;;
      arg) __acct_spec["$path|@$name"]=$spec ;;
    esac
  done < <(command acct completion --tree 2>/dev/null)
  # Without acct on PATH nothing is loaded; the next Tab tries again.
  [[ -n ${__acct_flags[acct]-} ]] && __acct_loaded=1
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

# Adds the words after $1 that start with it to COMPREPLY, quoted for the command line.
__acct_add() {
  local prefix=$1 word quoted
  shift
  for word in "$@"; do
    printf -v quoted '%q' "$word"
    if [[ $word == "$prefix"* || $quoted == "$prefix"* ]]; then COMPREPLY+=("$quoted"); fi
  done
}

# Completes $2 from a value spec $1 (choices:A B, words:KIND, file), with the data file $3.
__acct_reply() {
  local kind=${1%%:*} values=${1#*:}
  local -a list=()
  case $kind in
    choices)
      read -r -a list <<< "$values"
      __acct_add "$2" "${list[@]}"
      ;;
    words)
      mapfile -t list < <(__acct_words "$values" "$3")
      __acct_add "$2" "${list[@]}"
      ;;
    file)
      compopt -o filenames 2>/dev/null
      mapfile -t list < <(compgen -f -- "$2")
      COMPREPLY+=("${list[@]}")
      ;;
  esac
}

_acct() {
  # The user's IFS must not change how the line is split.
  local IFS=$' \t\n'
  local line=${COMP_LINE:0:COMP_POINT} cur='' cmdpath=acct expect='' db='' w spec flag i npos=0
  local -a words list
  __acct_load
  read -r -a words <<< "$line"
  if [[ -n $line && $line != *[[:space:]] ]]; then
    cur=${words[${#words[@]}-1]}
    unset 'words[${#words[@]}-1]'
  fi
  # Walks the words before the cursor: the command path, how many positional
  # arguments it has, whether a flag waits for its value, and --db.
  for ((i = 1; i < ${#words[@]}; i++)); do
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
    if [[ $npos -eq 0 && " ${__acct_subs[$cmdpath]-} " == *" $w "* ]]; then
      cmdpath+=" $w"
    else
      npos=$((npos + 1))
    fi
  done
  COMPREPLY=()
  if [[ -n $expect ]]; then
    __acct_reply "${__acct_spec["$cmdpath|$expect"]-}" "$cur" "$db"
  elif [[ $cur == --*=* ]]; then
    flag=${cur%%=*}
    __acct_reply "${__acct_spec["$cmdpath|$flag"]-}" "${cur#*=}" "$db"
    # Without '=' in COMP_WORDBREAKS bash replaces the whole --flag=value word.
    [[ $COMP_WORDBREAKS == *=* ]] || COMPREPLY=("${COMPREPLY[@]/#/$flag=}")
  elif [[ $cur == -* ]]; then
    read -r -a list <<< "${__acct_flags[$cmdpath]-}"
    __acct_add "$cur" "${list[@]}"
  else
    spec=${__acct_spec["$cmdpath|@$npos"]-${__acct_spec["$cmdpath|@rest"]-}}
    if [[ $npos -eq 0 && -n ${__acct_subs[$cmdpath]-} ]]; then
      read -r -a list <<< "${__acct_subs[$cmdpath]}"
      __acct_add "$cur" "${list[@]}"
    fi
    if [[ -n $spec ]]; then
      __acct_reply "$spec" "$cur" "$db"
    else
      # Once the positional arguments are given, the flags.
      if [[ $npos -ge ${__acct_nargs[$cmdpath]-0} && ($npos -gt 0 || -z ${__acct_subs[$cmdpath]-}) ]]; then
        read -r -a list <<< "${__acct_flags[$cmdpath]-}"
        __acct_add "$cur" "${list[@]}"
      fi
    fi
  fi
}

complete -F _acct acct
