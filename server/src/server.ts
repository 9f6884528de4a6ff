console.log("server todo")
