/* user/bin/sh/sh.h - the shell's parts and the interfaces between them.
 *
 * The shell reads commands from a source (input.c: the terminal with a
 * prompt, a script file, a -c string, a pipe), cuts them into tokens
 * (lex.c), builds a tree per command line (parse.c, tree.c) and runs the
 * tree (exec.c), expanding each word just before it is used (expand.c
 * and param.c, with arith.c and glob.c).  Programs are found and exec'd
 * by program.c; redirections are redir.c's, processes, jobs and the
 * terminal jobs.c's, signals and traps trap.c's, variables and functions
 * vars.c's.  The built-in commands are in builtins.c, with test.c,
 * printf.c and read.c.  main.c parses the options and runs the
 * read-parse-run loop; util.c has the growing strings everything uses.
 *
 * Words stay raw in the tree, quotes and all: "$HOME"/x is expanded each
 * time the command runs, so a loop sees the variables of the moment.
 * Every buffer grows as needed (util.c): no line, word or argument list
 * has a fixed size.
 */
#ifndef SH_H
#define SH_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <termios.h>

/* --- util.c: memory that never fails (out of memory ends the shell),
 * growing strings and string vectors, messages */

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

struct strbuf {
	char *s; /* always NUL-terminated once anything was added */
	size_t len, cap;
};

void sb_addc(struct strbuf *b, char c);
void sb_addn(struct strbuf *b, const char *s, size_t n);
void sb_adds(struct strbuf *b, const char *s);
void sb_addnum(struct strbuf *b, long long n);
const char *sb_str(struct strbuf *b); /* "" while empty */
char *sb_take(struct strbuf *b);      /* the string, owned by the caller */
void sb_free(struct strbuf *b);

struct strvec {
	char **v; /* NULL-terminated once anything was pushed */
	int n, cap;
};

void sv_push(struct strvec *sv, char *s); /* takes ownership of s */
void sv_free(struct strvec *sv);

/* "sh: " + the message + "\n" on stderr, in one write */
void sh_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int write_all(int fd, const char *s, size_t n);	  /* 0, or -1 with errno */
bool parse_number(const char *s, long long *out); /* whole string, decimal */
bool is_name_start(int c);
bool is_name_char(int c);
bool is_valid_name(const char *s);
size_t name_length(const char *s); /* of the name at the start of s */

/* --- the shell's state (main.c) */

enum pending { P_NONE, P_BREAK, P_CONTINUE, P_RETURN };

struct shell {
	bool interactive;      /* prompts, survives errors, reports jobs */
	bool jobctl;	       /* process groups and the terminal */
	int ttyfd;	       /* the terminal (jobctl), a private descriptor */
	pid_t pgid;	       /* the shell's own process group */
	struct termios tmodes; /* the terminal's modes, restored after a kill */
	pid_t pid;	       /* $$: the main shell's pid, also in subshells */
	pid_t last_bg;	       /* $!, 0 before the first background job */
	int status;	       /* $? */
	int subst_status;      /* the last command substitution's, or -1 */
	char *arg0;	       /* $0 */
	int argc;	       /* $#; the positional parameters $1... */
	char **argv;
	bool errexit, xtrace, noglob, nounset; /* set -e -x -f -u */
	int errexit_off;      /* > 0 in conditions, where set -e does not act */
	enum pending pending; /* break, continue or return under way */
	int pending_count;    /* break N: loops still to leave */
	int loop_depth, func_depth, dot_depth;
	int call_depth; /* functions, evals, sourced files inside each other */
	struct var_save *locals; /* the running function's "local" ones */
	volatile sig_atomic_t got_sigint; /* ^C reached the shell itself */
	const char *script; /* the script's name for messages, or NULL */
};

extern struct shell sh;

/* main.c */
#define MAX_CALL_DEPTH 1000 /* then "nested too deeply", not a crash */
bool enter_call(void); /* false (reported) when MAX_CALL_DEPTH is reached */
void leave_call(void);
int run_string(const char *text, const char *name); /* eval, $(...) */
int run_file(const char *path, int fd); /* sh FILE, ., #!-less scripts */
void sh_exit(int status) __attribute__((noreturn));

/* --- input.c: where command text comes from */

struct source {
	int fd; /* -1: the text of a string */
	char *buf;
	size_t len, pos, cap;
	int pushback[2]; /* characters given back, the last one first */
	int npushback;
	bool eof;
	bool interactive; /* prompts before reading */
	bool ps2;	  /* the next prompt is PS2: inside a command */
	bool shared;	  /* fd is our stdin, shared with the commands we run */
	bool seekable;	  /* shared and a regular file: hand back read-ahead */
	bool interrupted; /* ^C while reading */
	int lineno;
	const char *name;      /* for messages, or NULL */
	struct strbuf *record; /* where the bytes read also go, or NULL */
};

void src_init_fd(struct source *s, int fd, bool shared, bool interactive,
		 const char *name);
void src_init_string(struct source *s, const char *text, const char *name);
#define SRC_END (-1) /* src_getc at the end of the input */

int src_getc(struct source *s);		  /* a byte, or SRC_END */
void src_ungetc(struct source *s, int c); /* up to two bytes */
void src_sync(struct source *s);    /* before running: give back read-ahead */
void src_discard(struct source *s); /* after an error: drop the line */
void src_free(struct source *s);
void input_interrupt(void); /* SIGINT's handler: leave a terminal read */

/* --- lex.c: tokens */

enum token_type {
	T_WORD,
	T_IO_NUMBER,
	T_NEWLINE,
	T_EOF,
	T_SEMI,
	T_DSEMI,
	T_AMP,
	T_AND,
	T_PIPE,
	T_OR,
	T_LPAREN,
	T_RPAREN,
	T_LESS,
	T_GREAT,
	T_DGREAT,
	T_CLOBBER,
	T_LESSAND,
	T_GREATAND,
	T_LESSGREAT,
	T_DLESS,
	T_DLESSDASH,
	T_ERROR, /* a word that cannot be finished */
};

struct token {
	enum token_type type;
	char *text; /* the raw word; T_ERROR: what is wrong (owned) */
};

void lex_next(struct source *s, struct token *t);
const char *token_text(const struct token *t); /* for syntax errors */
/* a here-document's lines up to DELIM, after the newline that ends
 * the command (with strip_tabs, <<-: leading tabs removed) */
char *lex_heredoc(struct source *s, const char *delim, bool strip_tabs);

/* --- parse.c: the tree */

enum node_kind {
	N_SIMPLE,   /* assigns, words, redirs */
	N_PIPELINE, /* kids[0] | kids[1] | ... */
	N_AND,
	N_OR,
	N_SEQ,	      /* left && right, left || right, left ; right */
	N_BACKGROUND, /* left & */
	N_NOT,	      /* ! left */
	N_SUBSHELL,
	N_GROUP, /* ( left ), { left; } */
	N_IF,	 /* if left then right else third (an N_IF for elif) */
	N_WHILE,
	N_UNTIL,   /* while left do right done */
	N_FOR,	   /* for name in words do right done */
	N_CASE,	   /* case words.v[0] in items esac */
	N_FUNCDEF, /* name() left */
};

enum redir_op {
	R_IN,
	R_OUT,
	R_APPEND,
	R_CLOBBER,
	R_RDWR,
	R_DUPIN,
	R_DUPOUT,
	R_HEREDOC,
};

struct redir {
	struct redir *next;
	enum redir_op op;
	int fd;		 /* the descriptor redirected */
	char *word;	 /* the raw target; for R_HEREDOC the body */
	bool quoted;	 /* R_HEREDOC: the delimiter was quoted, no expansion */
	char *delim;	 /* R_HEREDOC: the delimiter, until the body is read */
	bool strip_tabs; /* R_HEREDOC: <<- */
	struct redir *heredoc_next; /* bodies still to read, in order */
};

struct case_item {
	struct case_item *next;
	struct strvec patterns; /* raw words */
	struct node *body;	/* may be NULL */
};

struct node {
	enum node_kind kind;
	struct node *left, *right, *third;
	struct strvec words;   /* N_SIMPLE, N_FOR's list, N_CASE's subject */
	struct strvec assigns; /* N_SIMPLE: raw NAME=value words */
	struct node **kids;    /* N_PIPELINE */
	int nkids;
	char *name;  /* N_FOR's variable, N_FUNCDEF's name */
	bool has_in; /* N_FOR: an "in" list (else "$@") */
	struct redir *redirs;
	struct case_item *items;
	int refs; /* owners besides its parent: functions defined by it */
};

enum parse_result { PARSE_OK, PARSE_EOF, PARSE_ERROR, PARSE_INTR };

/* the next command line (up to a newline) of S into *tree (NULL for an
 * empty line); a syntax error is reported here */
enum parse_result parse_line(struct source *s, struct node **tree);
/* the commands of a $(...) up to its ')', parsed to find where they
 * end and whether they are correct (errors are reported) */
bool parse_subst(struct source *s);

/* --- tree.c */

struct node *node_new(enum node_kind kind);
struct node *node_pair(enum node_kind kind, struct node *left,
		       struct node *right);
void node_add_kid(struct node *n, struct node *kid);
int redir_default_fd(enum redir_op op); /* 0 for <, 1 for > */
void tree_free(struct node *n);
void tree_text(const struct node *n, struct strbuf *out); /* for jobs */

/* --- expand.c: words to fields */

/* the words' fields: parameters, $(...), $((...)), field splitting,
 * pathnames, quotes removed; false if an expansion failed (reported) */
bool expand_words(char **words, int n, struct strvec *out);
char *expand_string(const char *raw);  /* one field, no splitting; NULL */
char *expand_pattern(const char *raw); /* the same, quoted chars \-escaped */
char *expand_heredoc(const char *body);
char *expand_prompt(const char *raw); /* never fails */

/* --- arith.c */

bool arith_eval(const char *expr, long long *result); /* reports errors */

/* --- glob.c: patterns */

bool pattern_match(const char *pat, const char *s);
bool has_glob_chars(const char *pat); /* an unescaped * ? or [ */
/* the paths matching PAT, sorted, pushed on OUT; false if none */
bool glob_expand(const char *pat, struct strvec *out);

/* --- vars.c */

#define VAR_EXPORT 1

const char *var_get(const char *name); /* NULL if unset */
void var_set(const char *name, const char *value, int flags);
void var_unset(const char *name);
void var_export(const char *name); /* marked, exported once set */
void var_import(char **env);
char **var_environ(void); /* the exported ones, "NAME=value"; free_strv */
void var_print(bool exported_only); /* export -p, set */
void free_strv(char **v);

struct var_save; /* variables to put back as they were */
void var_save(struct var_save **list, const char *name); /* once each */
struct var_save *vars_assign_temp(struct strvec *assigns);
void vars_restore(struct var_save *save);	     /* and frees the list */
void vars_assign(struct strvec *assigns, int flags); /* "NAME=value" each */

void params_set(int argc, char **argv); /* copies */
void params_free(void);

struct func;					       /* shell functions */
void func_define(const char *name, struct node *body); /* shares body */
struct func *func_get(const char *name); /* a reference, or NULL */
struct node *func_body(struct func *f);
void func_put(struct func *f);
bool func_unset(const char *name);

/* --- redir.c */

struct fd_save {
	struct {
		int fd, copy;
	} * v; /* copy -1: fd was closed */
	int n, cap;
};

/* performs R's redirections in order; with SAVE the descriptors they
 * replace are kept so redirect_restore can put them back; a failure is
 * reported and gives -1 */
int redirect(struct redir *r, struct fd_save *save);
void redirect_restore(struct fd_save *save);

/* --- jobs.c */

struct job;

void jobs_init_terminal(void); /* interactive: signals, group, terminal */
struct job *job_new(bool background, const struct node *n);
pid_t job_fork(struct job *job); /* fork a process of the job */
int job_wait(struct job *job);	 /* foreground: wait, take the terminal */
int job_id(const struct job *job);
void job_drop(struct job *job); /* a job that never got a process */
void become_child(void);	/* after fork, in a child that is not a job */
void jobs_report(void);		/* interactive: finished background jobs */
int wait_status(int wstatus);	/* 128 + signal for a killed process */

/* builtins */
int bi_wait(int argc, char **argv);
int bi_jobs(int argc, char **argv);
int bi_fg(int argc, char **argv);
int bi_bg(int argc, char **argv);

/* --- trap.c: signal dispositions and traps */

void signals_interactive(bool jobctl); /* the interactive shell's */
void signals_child(void); /* in a child: the defaults (ignored stay so) */
int trap_pending(void);	  /* a trapped signal that came, or 0 */
void run_traps(void);	  /* the actions of the signals that came */
void run_exit_trap(void);
int bi_trap(int argc, char **argv);

/* --- exec.c */

#define EV_EXIT 1 /* the process ends after this: exec in place */

int exec_tree(struct node *n, int flags); /* its status, also in $? */

/* --- program.c */

#define DEFAULT_PATH "/bin:/sbin" /* when PATH is unset */

void exec_command(char **argv) __attribute__((noreturn)); /* PATH, #! */
/* the first DIR/NAME of PATH that is a file access() allows for MODE */
char *find_in_path(const char *name, const char *path, int mode);
int run_argv(char **argv); /* a program in a child; its status */

/* --- builtins.c, test.c, printf.c */

typedef int (*builtin_fn)(int argc, char **argv);

struct builtin {
	const char *name;
	builtin_fn fn;
	bool special; /* POSIX special: assignments before it stay */
};

const struct builtin *builtin_find(const char *name);
int bi_exec(int argc, char **argv);
int bi_test(int argc, char **argv);
int bi_printf(int argc, char **argv);
int bi_read(int argc, char **argv);

#endif
